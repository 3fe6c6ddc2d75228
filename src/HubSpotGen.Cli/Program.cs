using HubSpotGen.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

return await new CliApplication(Environment.GetEnvironmentVariable, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected).RunAsync(args, cancellation.Token);
