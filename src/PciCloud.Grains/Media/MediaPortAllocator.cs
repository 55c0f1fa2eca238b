using System.Security.Cryptography;

namespace PciCloud.Grains.Media;

/// <summary>
/// Hands out even RTP ports (RFC 3550 convention) of a worker's range, chosen at random among the free
/// ones: a port handed out in order tells whoever registered the last call which port the next call of
/// any tenant gets, and lets them send to it before the customer does.
/// </summary>
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
        var free = slots - used.Count(p => p >= min && p <= max && (p - min) % 2 == 0);
        if (free <= 0)
        {
            return null;
        }

        // The n-th free slot, n uniform from a cryptographic source (a seeded generator's output can be
        // predicted from enough of it): every free port is equally likely, whatever was handed out before.
        var pick = RandomNumberGenerator.GetInt32(free);
        for (var slot = 0; slot < slots; slot++)
        {
            var port = min + (2 * slot);
            if (!used.Contains(port) && pick-- == 0)
            {
                return port;
            }
        }

        return null;
    }
}
