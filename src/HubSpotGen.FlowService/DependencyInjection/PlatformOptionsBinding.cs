using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HubSpotGen.FlowService;

/// <summary>
/// Binds <see cref="PlatformOptions"/> from configuration with the framework's binder, after one check the binder
/// cannot make safely: an address that does not parse. The binder's error quotes the value, and an address may
/// carry a password (<c>https://user:password@host</c>), so such a value is refused here by its key alone.
/// </summary>
internal static class PlatformOptionsBinding
{
    private static readonly OptionProblem[] Addresses =
    [
        new(nameof(PlatformOptions.BaseAddress), "must be an absolute http or https address"),
        new(nameof(PlatformOptions.PlatformAddress), "must be an absolute http or https address"),
        new("Ims.TokenAddress", "must be an absolute https address"),
    ];

    /// <exception cref="OptionsValidationException">An address does not parse; the message names its key, not its value.</exception>
    public static void Bind(IConfiguration configuration, string sectionPath, string optionsName, PlatformOptions options)
    {
        var unreadable = new List<string>();
        foreach (var address in Addresses)
        {
            // The binder's Uri converter reads relative and absolute addresses alike; whatever it can read, validation judges.
            if (configuration[address.Key.Replace('.', ':')] is { } value && !Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _))
            {
                unreadable.Add(address.InSection(sectionPath));
            }
        }

        if (unreadable.Count > 0)
        {
            throw new OptionsValidationException(optionsName, typeof(PlatformOptions), unreadable);
        }

        configuration.Bind(options);
    }
}
