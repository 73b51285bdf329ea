// The pooling ops of the engine. Each op has a shape-only validator (`…Shape`) that makes
// every check PyTorch makes before reading data, in PyTorch's order, and the op itself,
// which calls its validator first. Per-plane kernels (`…Plane`) are exported separately so
// that faster implementations can replace the inner loops.

export type { PoolPlan, KernelGeometry } from './plan';
export type { IntArg } from './common';
export { maxPoolShape, maxPool, maxPoolPlane } from './maxPool';
export type { MaxPoolArgs, MaxPoolPlan } from './maxPool';
export { avgPoolShape, avgPool, avgPoolPlane } from './avgPool';
export type { AvgPoolArgs, AvgPoolPlan } from './avgPool';
export { adaptiveAvgPoolShape, adaptiveAvgPool, adaptiveMaxPoolShape, adaptiveMaxPool, adaptiveAvgPlane, adaptiveMaxPlane } from './adaptivePool';
export type { AdaptiveOutputSize, AdaptivePlan } from './adaptivePool';
export { lpPoolShape, lpPool } from './lpPool';
export type { LpPoolOptions, LpPoolPlan } from './lpPool';
export { maxUnpoolShape, maxUnpool, maxUnpoolPlane } from './maxUnpool';
export type { MaxUnpoolPlan } from './maxUnpool';
export {
  fractionalMaxPoolShape, fractionalMaxPool, fractionalIntervals, fractionalMaxPlane, setFractionalSeed,
} from './fractionalMaxPool';
export type { FractionalPlan } from './fractionalMaxPool';
