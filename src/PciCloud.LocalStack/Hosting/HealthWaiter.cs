namespace PciCloud.LocalStack.Hosting;

/// <summary>Waits until a part answers <c>/health</c> with 200, or fails clearly if it stopped.</summary>
internal static class HealthWaiter
{
    public static async Task WaitAsync(InProcessHost part, HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (part.Exited.IsCompleted)
            {
                var reason = part.Exited.IsFaulted ? part.Exited.Exception!.InnerException!.Message : $"exit code {part.Exited.Result}";
                throw new InvalidOperationException($"{part.Name} stopped while starting: {reason}");
            }
            try
            {
                using var response = await http.GetAsync(part.HealthUrl, deadline.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{part.Name} did not answer {part.HealthUrl} within {timeout.TotalSeconds:0} s.");
            }
            // A short pause between probes; an exit of the part ends it early.
            await Task.WhenAny(part.Exited, Task.Delay(200, deadline.Token)).ConfigureAwait(false);
        }
    }
}
