// The few globals that every host of engine/, lang/ and common/ provides (Node, web
// workers, browsers), declared here because those layers are type-checked without Node
// or DOM types (tsconfig.core.json). `setImmediate` exists only in Node: test before use.
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare const setImmediate: ((callback: () => void) => unknown) | undefined;
declare const performance: { now(): number } | undefined;
