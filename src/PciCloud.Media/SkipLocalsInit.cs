using System.Runtime.CompilerServices;

// The per-frame path uses stackalloc scratch (correlation staging, pair estimates) that is always written before
// it is read: zeroing it on every call cost more than the analysis of some blocks.
[module: SkipLocalsInit]
