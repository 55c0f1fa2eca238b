using PciCloud.Signalling.Bencode;
using PciCloud.Signalling.Ng;

namespace PciCloud.Signalling.Tests.Ng;

/// <summary>A call control that records what the dispatcher asked of it and answers ok (or throws what it is told to).</summary>
internal sealed class RecordingCallControl : INgCallControl
{
    public List<(string Command, NgRequest Request)> Calls { get; } = [];

    public Exception? Throw { get; set; }

    public Task<BencodeDictionary> OfferAsync(NgRequest request, CancellationToken cancellationToken) => Record("offer", request);

    public Task<BencodeDictionary> AnswerAsync(NgRequest request, CancellationToken cancellationToken) => Record("answer", request);

    public Task<BencodeDictionary> DeleteAsync(NgRequest request, CancellationToken cancellationToken) => Record("delete", request);

    public Task<BencodeDictionary> QueryAsync(NgRequest request, CancellationToken cancellationToken) => Record("query", request);

    public Task<BencodeDictionary> BlockDtmfAsync(NgRequest request, bool block, CancellationToken cancellationToken) =>
        Record(block ? "block" : "unblock", request);

    private Task<BencodeDictionary> Record(string command, NgRequest request)
    {
        Calls.Add((command, request));
        if (Throw is not null)
        {
            throw Throw;
        }

        return Task.FromResult(new BencodeDictionary().Set("result", "ok").Set("seen", command));
    }
}
