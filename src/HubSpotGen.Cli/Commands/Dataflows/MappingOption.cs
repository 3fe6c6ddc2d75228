using System.CommandLine;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary>
/// <c>--map SOURCE=XDM_PATH...</c>: repeated (<c>--map a=b --map c=d</c>) or several values after one
/// <c>--map</c>. Each value is split at its first <c>=</c>; a value without one, with a blank side, or filling an XDM
/// field that another value already fills is a usage error, named, before anything is sent.
/// </summary>
internal static class MappingOption
{
    public static Option<FieldMapping[]> Build() => new("--map")
    {
        Description = "Which table column fills which XDM field of the dataset's schema, such as Properties_Firstname_Value=person.name.firstName; " +
            "repeat it, or give several after one --map. Every source must be a column of the table.",
        HelpName = "SOURCE=XDM_PATH",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var mappings = new List<FieldMapping>(result.Tokens.Count);
            var destinations = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in result.Tokens)
            {
                var text = token.Value;
                var separator = text.IndexOf('=', StringComparison.Ordinal);
                var source = separator < 0 ? "" : text[..separator].Trim();
                var destination = separator < 0 ? "" : text[(separator + 1)..].Trim();
                if (source.Length == 0 || destination.Length == 0)
                {
                    result.AddError($"--map '{text}' is not SOURCE=XDM_PATH: a table column, '=', and an XDM field path, neither blank");
                    continue;
                }

                if (!destinations.Add(destination))
                {
                    result.AddError($"--map fills the XDM field {destination} more than once");
                    continue;
                }

                mappings.Add(new FieldMapping(source, destination));
            }

            return [.. mappings];
        },
    };
}
