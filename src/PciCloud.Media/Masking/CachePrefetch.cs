using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace PciCloud.Media.Masking;

/// <summary>
/// Asks the CPU to start fetching memory a frame is about to use. With thousands of streams taking turns, a
/// channel's state is never in cache when its next frame comes; fetched one dependent miss after another it
/// costs more than the frame's arithmetic, fetched together the misses overlap. A hint only: it never faults
/// and changes no result (the address may be stale if the collector just moved the object).
/// </summary>
internal static class CachePrefetch
{
    private const int Line = 64;

    public static unsafe void Object(object instance, int bytes)
    {
        if (Sse.IsSupported)
        {
            Lines((byte*)Unsafe.AsPointer(ref Unsafe.As<RawData>(instance).Data), bytes);
        }
    }

    public static unsafe void Range(byte[] array, int offset, int bytes)
    {
        if (Sse.IsSupported)
        {
            Lines((byte*)Unsafe.AsPointer(ref array[offset]), bytes);
        }
    }

    private static unsafe void Lines(byte* start, int bytes)
    {
        for (var offset = 0; offset < bytes; offset += Line)
        {
            Sse.Prefetch0(start + offset);
        }
    }

    /// <summary>A view of any object: its first field's address is where the object's data starts.</summary>
    private sealed class RawData
    {
#pragma warning disable CS0649 // never written: only its address is taken
        public byte Data;
#pragma warning restore CS0649
    }
}
