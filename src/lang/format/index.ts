// Printing as Python and PyTorch print: the one place the rest of PoolScript asks.
export { PrintOptions, DEFAULT_PRINT_OPTIONS } from './printOptions';
export type { PrintOptionsUpdate, PrintOptionsView } from './printOptions';
export { formatTensor } from './tensorRepr';
export type { TensorReprExtras } from './tensorRepr';
export { floatRepr, pyFormatDouble, toFixedPy, toExponentialPy } from './pyFloat';
export { PyFloat, PyTuple, PyRendered, pyRepr, pyStr, intRepr, boolRepr, strRepr, reprList, reprTuple, reprDict } from './pyRepr';
export type { PyData } from './pyRepr';
export { formatWithSpec, parseFormatSpec } from './formatSpec';
export type { FormatArg, ParsedSpec } from './formatSpec';
export { sizeRepr, dtypeRepr, returnTypesRepr } from './torchRepr';
export { moduleRepr, extraReprFor, maxPoolExtraRepr, avgPoolExtraRepr, maxUnpoolExtraRepr, lpPoolExtraRepr, adaptivePoolExtraRepr, convExtraRepr, reluExtraRepr, flattenExtraRepr } from './moduleRepr';
export type { ModuleReprNode } from './moduleRepr';
