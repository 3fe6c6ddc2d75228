using Microsoft.CodeAnalysis;

namespace HubSpotGen.Benchmarks.ReadOnlyGenerator;

/// <summary>
/// Reads the text of every AdditionalFiles item into a string, as our generator does with a spec, and adds
/// nothing: what the compiler reports for it is what any generator of a file pays before doing any work.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ReadOnlyGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The pipeline runs only as far as an output needs it, so the length is what keeps the read alive.
        var lengths = context.AdditionalTextsProvider
            .Select(static (text, cancellationToken) => text.GetText(cancellationToken)?.ToString().Length ?? 0);
        context.RegisterSourceOutput(lengths, static (_, _) => { });
    }
}
