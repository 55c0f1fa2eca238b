using PciCloud.Signalling.Bencode;

namespace PciCloud.Signalling.Ng;

/// <summary>
/// Turns one ng datagram into its reply: frames, answers retransmissions from the cookie cache,
/// validates, runs the command. Whatever arrives, the answer is a reply (<c>result: error</c> with an
/// <c>error-reason</c> for anything wrong) or, for a datagram without a cookie, nothing; never an exception.
/// </summary>
public sealed class NgDispatcher(INgCallControl calls, NgCookieCache cache, Action<string, Exception>? onInternalError = null)
{
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>The reply to send back to <paramref name="peer"/>, or null when the datagram cannot be answered.</summary>
    public async Task<byte[]?> HandleAsync(ReadOnlyMemory<byte> datagram, string peer, CancellationToken cancellationToken)
    {
        if (datagram.Length > MaxMessageBytes || !NgFrame.TrySplitCookie(datagram.Span, out var cookie, out _))
        {
            return null;
        }

        // The cookie is unique per proxy, not across proxies: the sender is part of the key.
        return await cache.GetOrRunAsync(peer + " " + cookie, async () =>
            NgFrame.Format(cookie, await ExecuteAsync(datagram[(cookie.Length + 1)..], cancellationToken).ConfigureAwait(false)))
            .ConfigureAwait(false);
    }

    private async Task<BencodeDictionary> ExecuteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!NgFrame.TryReadDictionary(body.Span, out var message, out var error))
        {
            return NgFrame.Error("Could not decode dictionary: " + error);
        }

        var request = new NgRequest(message!);
        try
        {
            return request.Command switch
            {
                null => NgFrame.Error("No command in message"),
                "ping" => new BencodeDictionary().Set("result", "pong"),
                "offer" => await OfferAsync(request, cancellationToken).ConfigureAwait(false),
                "answer" => await AnswerAsync(request, cancellationToken).ConfigureAwait(false),
                "delete" => await calls.DeleteAsync(WithCallId(request), cancellationToken).ConfigureAwait(false),
                "query" => await calls.QueryAsync(WithCallId(request), cancellationToken).ConfigureAwait(false),
                "block DTMF" => await calls.BlockDtmfAsync(WithCallId(request), true, cancellationToken).ConfigureAwait(false),
                "unblock DTMF" => await calls.BlockDtmfAsync(WithCallId(request), false, cancellationToken).ConfigureAwait(false),
                _ => NgFrame.Error("Unrecognized command"),
            };
        }
        catch (NgException ex)
        {
            return NgFrame.Error(ex.Reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            // The exception's text may name internals: the proxy gets a fixed reason, the host's log the rest.
            onInternalError?.Invoke(request.Command ?? "", ex);
            return NgFrame.Error("Internal error");
        }
    }

    private Task<BencodeDictionary> OfferAsync(NgRequest request, CancellationToken cancellationToken)
    {
        request.Require("sdp");
        request.Require("from-tag");
        return calls.OfferAsync(WithCallId(request), cancellationToken);
    }

    private Task<BencodeDictionary> AnswerAsync(NgRequest request, CancellationToken cancellationToken)
    {
        request.Require("sdp");
        request.Require("from-tag");
        request.Require("to-tag");
        return calls.AnswerAsync(WithCallId(request), cancellationToken);
    }

    private static NgRequest WithCallId(NgRequest request)
    {
        request.Require("call-id");
        return request;
    }
}
