namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>Random datagrams, and mutations of a valid packet (bit flips, truncation, header fields, lengths).</summary>
internal static class RtpFuzz
{
    public static byte[] Next(Random random, byte[] valid)
    {
        switch (random.Next(6))
        {
            case 0:
                var noise = new byte[random.Next(0, 1600)];
                random.NextBytes(noise);
                return noise;
            case 1:
                var flipped = (byte[])valid.Clone();
                for (var i = random.Next(1, 8); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return flipped;
            case 2:
                return valid[..random.Next(0, valid.Length)];
            case 3:
                var header = (byte[])valid.Clone();
                header[0] = (byte)random.Next(256); // version, padding, extension, CSRC count
                return header;
            case 4:
                var sequence = (byte[])valid.Clone();
                sequence[2] = (byte)random.Next(256);
                sequence[3] = (byte)random.Next(256);
                sequence[1] = (byte)((sequence[1] & 0x80) | random.Next(128));
                return sequence;
            default:
                var padded = (byte[])valid.Clone();
                padded[0] |= 0x20;
                padded[^1] = (byte)random.Next(256); // padding length, maybe beyond the payload
                return padded;
        }
    }
}
