using System.CommandLine;
using System.CommandLine.Parsing;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli;

/// <summary>The arguments and options several subcommands share, built fresh for each (a symbol has one parent).</summary>
internal static class CliSymbols
{
    /// <summary><c>--json</c>: print one JSON document on stdout instead of lines for people.</summary>
    public static Option<bool> Json(string document) => new("--json") { Description = "Print " + document + " as JSON on stdout." };

    /// <summary>
    /// The <c>ID</c> of a connection. Parsed here, so an id that is not a GUID (or is the empty GUID, which no
    /// connection has) is a usage error, reported like any other, before anything is sent.
    /// </summary>
    public static Argument<Guid> ConnectionId() => new("id")
    {
        Description = "The connection's id, a GUID such as 2fce94c1-9a93-4971-8e94-c19a93097129.",
        HelpName = "ID",
        CustomParser = result => ParseGuid(result, "connection id", fallback: null),
    };

    /// <summary>The optional <c>ID</c> of a connection spec; HubSpot's when left out.</summary>
    public static Argument<Guid> SpecId() => new("id")
    {
        Description = "The connection spec's id; HubSpot's when left out.",
        HelpName = "ID",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => HubSpotConnectionSpec.IdAsGuid,
        CustomParser = result => ParseGuid(result, "connection spec id", fallback: HubSpotConnectionSpec.IdAsGuid),
    };

    /// <summary>The <c>ID</c> of a dataflow, parsed as <see cref="ConnectionId"/> is: a GUID, checked before anything is sent.</summary>
    public static Argument<Guid> DataflowId() => new("id")
    {
        Description = "The dataflow's id, a GUID such as 993f908f-3342-4d9c-9f3c-5aa9a189ca1a.",
        HelpName = "ID",
        CustomParser = result => ParseGuid(result, "dataflow id", fallback: null),
    };

    /// <summary>A required option naming a connection by its GUID, such as <c>--connection ID</c>.</summary>
    public static Option<Guid> ConnectionOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "ID",
        Required = true,
        CustomParser = result => ParseGuid(result, "connection id given to " + name, fallback: null),
    };

    private static Guid ParseGuid(ArgumentResult result, string what, Guid? fallback)
    {
        if (result.Tokens.Count == 0)
        {
            if (fallback is { } value)
            {
                return value;
            }

            result.AddError($"the {what} (ID) is required");
            return Guid.Empty;
        }

        var text = result.Tokens[0].Value;
        if (!Guid.TryParse(text, out var id))
        {
            result.AddError($"'{text}' is not a valid {what}: expected a GUID such as 2fce94c1-9a93-4971-8e94-c19a93097129");
            return Guid.Empty;
        }

        if (id == Guid.Empty)
        {
            result.AddError($"the {what} must not be the empty GUID");
        }

        return id;
    }
}
