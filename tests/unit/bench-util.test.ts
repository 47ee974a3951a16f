import { describe, expect, it } from 'vitest';
import { childrenCpuSeconds, machineBusySeconds, runMeasured } from '../../bench/util';

describe('bench CPU accounting', () => {
  it("reads the machine's busy time from /proc/stat, leaving out idle, disk waits and steal", () => {
    // user nice system idle iowait irq softirq steal guest guest_nice, in 1/100 s
    const stat =
      'cpu  1000 50 300 9000 400 20 30 700 0 0\ncpu0 500 25 150 4500 200 10 15 350 0 0\n';
    expect(machineBusySeconds(stat)).toBeCloseTo(14);
    expect(machineBusySeconds('intr 1 2 3')).toBeUndefined();
    expect(machineBusySeconds('')).toBeUndefined();
  });

  it("reads the children's CPU time from what dash's and bash's `times` print", () => {
    expect(childrenCpuSeconds('0m0.004000s 0m0.000000s\n1m43.120000s 0m16.870000s\n')).toBeCloseTo(
      119.99,
    );
    expect(childrenCpuSeconds('0m0.004s 0m0.001s\n0m2.500s 0m0.250s\n')).toBeCloseTo(2.75);
    expect(childrenCpuSeconds('0m0.004s 0m0.001s\n')).toBeUndefined();
    // A locale's decimal comma (bash), and old ash's total seconds after the minutes.
    expect(childrenCpuSeconds('0m0,004s 0m0,001s\n0m2,500s 0m0,250s\n')).toBeCloseTo(2.75);
    expect(childrenCpuSeconds('0m0.00s 0m0.00s\n2m145.07s 0m16.87s\n')).toBeCloseTo(161.94);
  });

  it('measures the CPU a command and its children used, and keeps its exit code', async () => {
    // A child whose grandchild spins until it has used 400 ms of CPU (not of clock time, which a
    // busy machine would stretch), then exits with 3.
    const grandchild =
      'const c = () => { const u = process.cpuUsage(); return u.user + u.system; }; while (c() < 400_000);';
    const spin = `require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(grandchild)}]); process.exit(3)`;
    const result = await runMeasured(process.execPath, ['-e', spin], { label: 'spin' });
    expect(result.code).toBe(3);
    expect(result.cpuSeconds).toBeGreaterThanOrEqual(0.4);
    expect(result.cpuSeconds).toBeLessThan(result.wallMs / 1000 + 0.5);
    expect(result.otherCpuSeconds).toBeGreaterThanOrEqual(0);
  });
});
