using HubSpotGen.FlowService;

namespace HubSpotGen.Cli;

/// <summary>
/// Runs one subcommand's calls to Flow Service and turns every way they can fail into an exit code and one
/// line on stderr, so each subcommand only says what success looks like.
/// </summary>
internal static class FlowServiceCall
{
    public static async Task<int> RunAsync(
        CliSettings settings,
        HttpMessageHandler? transport,
        TextWriter error,
        Func<FlowServiceClient, Task<int>> call,
        CancellationToken cancellationToken)
    {
        var flowService = settings.Platform.BaseAddress.GetLeftPart(UriPartial.Path);
        HttpClient? http = null;
        try
        {
            // Inside the try: the options are checked here, and a refusal is a usage error like any other.
            http = PlatformHttpClient.Create(settings.Platform, transport);
            return await call(new FlowServiceClient(http));
        }
        catch (ImsTokenException exception)
        {
            // IMS is a service of its own; its message names its address (without the query) and its error code.
            await error.WriteLineAsync("error: " + ServiceErrorReport.OneLine(exception.Message));
            return ExitCodes.ServiceError;
        }
        catch (PreconditionFailedException exception)
        {
            await error.WriteLineAsync(ServiceErrorReport.DescribeStaleEtag(exception));
            return ExitCodes.ServiceError;
        }
        catch (ChangeOutcomeUnknownException exception)
        {
            // Not a plain 412: the change may have been applied, and the message says what to do.
            await error.WriteLineAsync("error: " + ServiceErrorReport.OneLine(exception.Message));
            return ExitCodes.ServiceError;
        }
        catch (ApiException exception)
        {
            await error.WriteLineAsync(ServiceErrorReport.Describe(exception));
            return ExitCodes.ServiceError;
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"error: Flow Service at {flowService} could not be reached: {ServiceErrorReport.OneLine(exception.Message)}");
            return ExitCodes.ServiceError;
        }
        catch (TimeoutException exception)
        {
            // How the retry pipeline reports an attempt or the whole call running out of time.
            await error.WriteLineAsync($"error: Flow Service at {flowService} did not answer in time: {ServiceErrorReport.OneLine(exception.Message)}");
            return ExitCodes.ServiceError;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            await error.WriteLineAsync($"error: Flow Service at {flowService} did not answer in time");
            return ExitCodes.ServiceError;
        }
        catch (ArgumentException exception)
        {
            // The options are checked when the client is created, and the facade checks its arguments, both before
            // anything is sent; the command checks first, so this is a last guard (an etag with a line break, say).
            // Their messages name the option or argument, never a secret.
            await error.WriteLineAsync("error: " + ServiceErrorReport.OneLine(exception.Message));
            return ExitCodes.UsageError;
        }
        finally
        {
            http?.Dispose();
        }
    }
}
