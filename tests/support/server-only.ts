// Stand-in for the 'server-only' guard under vitest: tests import lib/ directly on the server side.
export {};
