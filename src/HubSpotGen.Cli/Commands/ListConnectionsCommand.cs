using HubSpotGen.FlowService.Models;
using System.CommandLine;
using System.Globalization;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary><c>connections list [--limit N] [--property EXPR]... [--orderby EXPR] [--json]</c>, following every page.</summary>
internal static class ListConnectionsCommand
{
    public static Command Build(CommandContext context)
    {
        var limit = new Option<int?>("--limit")
        {
            Description = "How many connections to ask for per page (sent as limit); every page is still followed.",
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) && pageSize >= 1)
                {
                    return pageSize;
                }

                result.AddError($"--limit must be a whole number of at least 1, not '{text}'");
                return null;
            },
        };
        var property = new Option<string[]>("--property")
        {
            Description = "A filter such as state==enabled or name==HubSpot; repeat it to require several.",
            HelpName = "EXPR",
            Arity = ArgumentArity.OneOrMore,
        };
        var orderBy = new Option<string?>("--orderby") { Description = "The sort field: name, +name (ascending) or -name (descending).", HelpName = "EXPR" };
        var json = CliSymbols.Json("a JSON array of the connections (auth params other than clientId masked)");
        var command = new Command(
            "list",
            "List HubSpot connections, one line each (id, state, etag, name), following every page.")
        {
            limit,
            property,
            orderBy,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var filters = parseResult.GetValue(property) ?? [];
            if (filters.Any(string.IsNullOrWhiteSpace))
            {
                return await context.UsageErrorAsync("--property must not be blank");
            }

            var sort = parseResult.GetValue(orderBy);
            if (sort is not null && string.IsNullOrWhiteSpace(sort))
            {
                return await context.UsageErrorAsync("--orderby must not be blank");
            }

            var query = new ConnectionQuery { Filters = filters, OrderBy = sort, PageSize = parseResult.GetValue(limit) };
            return await context.CallFlowServiceAsync(
                parseResult,
                HubSpotNeed.None,
                (_, client) => ListAsync(context, new HubSpotConnections(client), query, parseResult.GetValue(json), cancellationToken),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> ListAsync(CommandContext context, HubSpotConnections connections, ConnectionQuery query, bool json, CancellationToken cancellationToken)
    {
        // JSON is written once every page is in, so a failure half-way leaves no half array on stdout; lines
        // for people are written as pages arrive.
        var collected = json ? new List<Connection>() : null;
        var pages = 0;
        var count = 0;
        await foreach (var page in connections.ListPagesAsync(query, cancellationToken))
        {
            pages++;
            foreach (var connection in page.Items ?? [])
            {
                count++;
                if (collected is not null)
                {
                    collected.Add(connection);
                }
                else
                {
                    await context.Output.WriteLineAsync(ConnectionText.Line(connection));
                }
            }

            if (context.ShowProgress)
            {
                await context.Error.WriteLineAsync($"page {pages}: {count} connection(s) so far");
            }
        }

        if (collected is not null)
        {
            await JsonOutput.WriteAsync(context.Output, collected);
        }
        else if (count == 0)
        {
            // On stderr, as kubectl does: stdout stays one line per connection for scripts that count them.
            await context.Error.WriteLineAsync("No connections found.");
        }

        return ExitCodes.Success;
    }
}
