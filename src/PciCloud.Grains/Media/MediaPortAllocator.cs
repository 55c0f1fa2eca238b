namespace PciCloud.Grains.Media;

/// <summary>Hands out even RTP ports (RFC 3550 convention) of a worker's range, round robin, skipping reserved ones.</summary>
internal static class MediaPortAllocator
{
    public static int? Next(MediaWorkerEntry worker)
    {
        var min = worker.Registration.RtpPortMin + (worker.Registration.RtpPortMin % 2);
        var max = worker.Registration.RtpPortMax;
        if (max < min)
        {
            return null;
        }

        var slots = ((max - min) / 2) + 1;
        var used = worker.Reservations.Values.Where(p => p is not null).Select(p => p!.Value).Concat(worker.SipSecondPorts.Values).ToHashSet();
        for (var i = 0; i < slots; i++)
        {
            var slot = (worker.NextPortCursor + i) % slots;
            var port = min + (2 * slot);
            if (!used.Contains(port))
            {
                worker.NextPortCursor = slot + 1;
                return port;
            }
        }

        return null;
    }
}
