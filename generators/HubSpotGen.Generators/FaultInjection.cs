using System;
using System.Threading;

namespace HubSpotGen.Generators;

/// <summary>
/// Lets a test make one named step fail (a schema, an operation or a generated file, by name), to show that
/// a failure in one place is reported there and spares everything else. Nothing sets it outside tests; it
/// flows with the execution context, so a test's setting reaches only the generator runs it starts.
/// </summary>
internal static class FaultInjection
{
    private static readonly AsyncLocal<string?> FailingStep = new();

    /// <summary>The name of the step to fail in runs started from the current execution context, or null.</summary>
    public static string? FailAt
    {
        get => FailingStep.Value;
        set => FailingStep.Value = value;
    }

    public static void ThrowIfRequested(string stepName)
    {
        if (FailingStep.Value is { } failing && string.Equals(failing, stepName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Fault injected at '" + stepName + "'.");
        }
    }
}
