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
        using var http = PlatformHttpClient.Create(settings.Platform, transport);
        try
        {
            return await call(new FlowServiceClient(http));
        }
        catch (PreconditionFailedException exception)
        {
            await error.WriteLineAsync(ServiceErrorReport.DescribeStaleEtag(exception));
            return ExitCodes.ServiceError;
        }
        catch (ApiException exception)
        {
            await error.WriteLineAsync(ServiceErrorReport.Describe(exception));
            return ExitCodes.ServiceError;
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"error: Flow Service at {settings.Platform.BaseAddress} could not be reached: {exception.Message}");
            return ExitCodes.ServiceError;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            await error.WriteLineAsync($"error: Flow Service at {settings.Platform.BaseAddress} did not answer in time");
            return ExitCodes.ServiceError;
        }
        catch (ArgumentException exception)
        {
            // The facade checks its arguments before anything is sent; the commands check first, so this is a
            // last guard (an etag with a line break, say). Its messages name the argument, never a value.
            await error.WriteLineAsync("error: " + exception.Message);
            return ExitCodes.UsageError;
        }
    }
}
