// An explicit, empty config: without one, Next looks further up and would load Cornerstone's
// own next.config.ts, which is not part of the minimal reference.
const nextConfig = {};
export default nextConfig;
