using Microsoft.Extensions.Options;

namespace HubSpotGen.FlowService;

/// <summary>Reports every missing or unsafe Platform value at start-up, all at once, through the Options framework.</summary>
internal sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
