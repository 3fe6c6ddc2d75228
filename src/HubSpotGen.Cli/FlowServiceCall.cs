using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;
using Microsoft.Extensions.Logging;

namespace HubSpotGen.Cli;

/// <summary>
/// Runs one subcommand's calls to Flow Service (and, for dataflows, Catalog and Data Prep) and turns every way they
/// can fail into an exit code and one line on stderr, so each subcommand only says what success looks like.
/// </summary>
internal static class FlowServiceCall
{
    /// <summary>Runs <paramref name="call"/> over a Flow Service client; a stale etag is reported as a connection's.</summary>
    public static Task<int> RunAsync(
        CliSettings settings,
        HttpMessageHandler? transport,
        TextWriter error,
        ILoggerFactory? logging,
        Func<FlowServiceClient, Task<int>> call,
        CancellationToken cancellationToken) =>
        GuardAsync(
            settings,
            error,
            "connections",
            async () =>
            {
                using var http = PlatformHttpClient.Create(settings.Platform, transport, logging);
                return await call(new FlowServiceClient(http));
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="call"/> over the three Platform clients on one pipeline; a stale etag is reported as a
    /// dataflow's, and a failed clean-up names what remains.
    /// </summary>
    public static Task<int> RunOnPlatformAsync(
        CliSettings settings,
        HttpMessageHandler? transport,
        TextWriter error,
        ILoggerFactory? logging,
        Func<PlatformClients, Task<int>> call,
        CancellationToken cancellationToken) =>
        GuardAsync(
            settings,
            error,
            "dataflows",
            async () =>
            {
                using var clients = PlatformClients.Create(settings.Platform, transport, logging);
                return await call(clients);
            },
            cancellationToken);

    private static async Task<int> GuardAsync(CliSettings settings, TextWriter error, string group, Func<Task<int>> call, CancellationToken cancellationToken)
    {
        var flowService = settings.Platform.BaseAddress.GetLeftPart(UriPartial.Path);

        // A service's answer may quote what it was sent, credentials included: every line is cleaned of the secrets
        // this command holds before it is printed.
        Task Report(string line) => error.WriteLineAsync(SecretRedaction.Scrub(line, settings.Secrets));
        try
        {
            // The clients are created inside: the options are checked there, and a refusal is a usage error like any other.
            return await call();
        }
        catch (ImsTokenException exception)
        {
            // IMS is a service of its own; its message names its address (without the query) and its error code.
            await Report("error: " + ServiceErrorReport.OneLine(exception.Message));
            return ExitCodes.ServiceError;
        }
        catch (PreconditionFailedException exception)
        {
            await Report(ServiceErrorReport.DescribeStaleEtag(exception, group));
            return ExitCodes.ServiceError;
        }
        catch (ChangeOutcomeUnknownException exception)
        {
            // Not a plain 412: the change may have been applied, and the message says what to do.
            await Report("error: " + ServiceErrorReport.OneLine(exception.Message));
            return ExitCodes.ServiceError;
        }
        catch (DataflowCleanupException exception)
        {
            await Report(ServiceErrorReport.DescribeCleanupFailure(exception));
            return ExitCodes.ServiceError;
        }
        catch (ApiException exception)
        {
            await Report(ServiceErrorReport.Describe(exception));
            return ExitCodes.ServiceError;
        }
        catch (HttpRequestException exception)
        {
            await Report($"error: Flow Service at {flowService} could not be reached: {ServiceErrorReport.OneLine(exception.Message)}");
            return ExitCodes.ServiceError;
        }
        catch (TimeoutException exception)
        {
            // How the retry pipeline reports an attempt or the whole call running out of time.
            await Report($"error: Flow Service at {flowService} did not answer in time: {ServiceErrorReport.OneLine(exception.Message)}");
            return ExitCodes.ServiceError;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            await Report($"error: Flow Service at {flowService} did not answer in time");
            return ExitCodes.ServiceError;
        }
        catch (ArgumentException exception)
        {
            // The options are checked when the client is created, and the facade checks its arguments before anything
            // is created; the command checks first, so this is what only the service's answers can tell (a dataflow
            // table without a single date-time column, a dataset Catalog does not know) or a last guard (an etag with
            // a line break, say). Their messages name the option, argument or choices, never a secret.
            await Report("error: " + ServiceErrorReport.Describe(exception));
            return ExitCodes.UsageError;
        }
    }
}
