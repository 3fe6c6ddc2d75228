using Microsoft.Extensions.Options;

namespace HubSpotGen.FlowService;

/// <summary>
/// Reports every missing or unsafe Platform value of one client's options at start-up, all at once, through the
/// Options framework. Options bound from configuration are reported under their configuration keys
/// (<c>FlowService:ApiKey is required</c>), so the message points at the line to fix; none carries a value.
/// </summary>
/// <param name="optionsName">The named options this validator checks; others are skipped.</param>
/// <param name="sectionPath">The path of the configuration section the options are bound from; null when a program sets them.</param>
internal sealed class PlatformOptionsValidator(string optionsName, string? sectionPath) : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = options.Problems();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(problem => sectionPath is null ? problem.ToString() : problem.InSection(sectionPath)));
    }
}
