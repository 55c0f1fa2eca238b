using System.Globalization;
using System.Text;

namespace PciCloud.LocalStack.Hosting;

/// <summary>What the stack prints once every part answers <c>/health</c>. The last line is fixed.</summary>
public static class Banner
{
    public const string ReadyLine = "PciCloud local stack ready";

    /// <param name="ctrlCIgnoredByProcess">This process's id when it ignores SIGINT (see <see cref="InterruptSignal"/>): the banner then says how to stop it instead.</param>
    public static string For(StackOptions o, TimeSpan startupTime, int? ctrlCIgnoredByProcess)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("PciCloud local stack (loopback only; these keys exist only here)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  edge (all tenants)  {o.EdgeUrl}");
        foreach (var region in StackOptions.RegionNames)
        {
            var rtp = o.RtpPortStarts[region];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {region} region           {o.RegionUrl(region)}   worker {o.WorkerUrl(region)}  RTP udp {rtp}-{rtp + o.RtpPortCount - 1}  ng udp {o.NgAddress(region)}");
        }
        text.AppendLine("  tenants / keys      " + string.Join("   ", StackOptions.RegionNames.Select(r => $"{StackOptions.TenantOf(r)}: {StackOptions.KeyOf(r)}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"  admin key           {o.AdminKey}   (through the edge add the header PciCloud-Region: us|uk|au)");
        text.AppendLine("  state               " + (o.Redis is null ? "in memory (lost on stop; --redis HOST:PORT keeps it)" : "Redis " + o.Redis));
        text.AppendLine("  try                 curl -H 'Authorization: Bearer admin_local' -H 'PciCloud-Region: uk' " + o.EdgeUrl + "admin/v1/tenants");
        text.AppendLine(ctrlCIgnoredByProcess is { } pid
            ? string.Create(CultureInfo.InvariantCulture, $"  stop                kill {pid}   (SIGTERM; Ctrl+C is ignored: started as a background job)")
            : "  stop                Ctrl+C");
        text.AppendLine(CultureInfo.InvariantCulture, $"  started in          {startupTime.TotalSeconds:0.0} s");
        text.Append(ReadyLine);
        return text.ToString();
    }
}
