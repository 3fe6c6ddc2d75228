using System.Runtime.InteropServices;
using HubSpotGen.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    // The first Ctrl+C asks the command to stop; a second one, while it is stopping, ends the process at once.
    eventArgs.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// A container's stop and a service manager's stop are SIGTERM: the command ends as on the first Ctrl+C (the
// emulator saves its state file and says it stopped) instead of dying with the runtime's default.
using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
});

return await new CliApplication(Environment.GetEnvironmentVariable, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected).RunAsync(args, cancellation.Token);
