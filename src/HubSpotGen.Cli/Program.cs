using HubSpotGen.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    // The first Ctrl+C asks the command to stop; a second one, while it is stopping, ends the process at once.
    eventArgs.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await new CliApplication(Environment.GetEnvironmentVariable, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected).RunAsync(args, cancellation.Token);
