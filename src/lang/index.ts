// The public surface of PoolScript for hosts (extension, CLI, tests).
export * from './api';
export { PoolSession, createSession, lineColOf } from './session';
export type { SessionOptions } from './session';
export { runProgram, errorLine } from './run';
export type { RunOptions, RunResult } from './run';
export { displayView, tensorView, valueView, poolingView } from './display/toView';
export { createStaticProject, StaticNotebook } from './check';
