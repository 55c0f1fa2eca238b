using PciCloud.Signalling.Bencode;

namespace PciCloud.Signalling.Ng;

/// <summary>
/// What the ng commands do to calls (the masking worker implements it). Each method returns the reply
/// dictionary with <c>result: ok</c>; a refusal throws <see cref="NgException"/>.
/// </summary>
public interface INgCallControl
{
    Task<BencodeDictionary> OfferAsync(NgRequest request, CancellationToken cancellationToken);

    Task<BencodeDictionary> AnswerAsync(NgRequest request, CancellationToken cancellationToken);

    Task<BencodeDictionary> DeleteAsync(NgRequest request, CancellationToken cancellationToken);

    Task<BencodeDictionary> QueryAsync(NgRequest request, CancellationToken cancellationToken);

    /// <summary><c>block DTMF</c> (true) / <c>unblock DTMF</c> (false).</summary>
    Task<BencodeDictionary> BlockDtmfAsync(NgRequest request, bool block, CancellationToken cancellationToken);
}
