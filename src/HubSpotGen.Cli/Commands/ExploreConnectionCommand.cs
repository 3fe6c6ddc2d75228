using HubSpotGen.FlowService.Models;
using System.CommandLine;
using System.Globalization;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary>
/// <c>connections explore ID [--table PATH] [--json]</c>: the HubSpot objects a connection can ingest, or the
/// columns of one of them.
/// </summary>
internal static class ExploreConnectionCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.ConnectionId();
        var table = new Option<string?>("--table") { Description = "A table's path as explore lists it, such as Hubspot.Contacts: list its columns instead.", HelpName = "PATH" };
        var json = CliSymbols.Json("the array of tables, or of the table's columns");
        var command = new Command(
            "explore",
            "List the tables a connection can ingest (path, name, type), or with --table the columns of one (name, type, XDM type).")
        {
            id,
            table,
            json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(table);
            if (path is not null && string.IsNullOrWhiteSpace(path))
            {
                return await context.UsageErrorAsync("--table must not be blank");
            }

            var asJson = parseResult.GetValue(json);
            return await context.CallFlowServiceAsync(
                parseResult,
                HubSpotNeed.None,
                async (_, client) =>
                {
                    var connections = new HubSpotConnections(client);
                    var connectionId = parseResult.GetValue(id);
                    if (path is null)
                    {
                        var tables = await connections.ExploreAsync(connectionId, cancellationToken);
                        await WriteAsync(context.Output, tables, asJson, item => $"{item.Path}  {item.Name}  {item.Type}");
                    }
                    else
                    {
                        var columns = await connections.ExploreTableAsync(connectionId, path, cancellationToken);
                        await WriteAsync(context.Output, columns, asJson, ColumnLine);
                    }

                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }

    private static async Task WriteAsync<T>(TextWriter output, IReadOnlyList<T> items, bool json, Func<T, string> line)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(output, items);
            return;
        }

        foreach (var item in items)
        {
            await output.WriteLineAsync(line(item));
        }
    }

    private static string ColumnLine(ExploreColumn column)
    {
        var xdmType = column.Xdm?.Type ?? column.MetaXdmType;
        var xdmFormat = column.Xdm?.Format ?? (column.MetaXdmType is { } meta && meta != xdmType ? meta : null);
        var xdm = xdmType is null ? "" : "  xdm:" + xdmType + (xdmFormat is null ? "" : "(" + xdmFormat + ")");
        return string.Create(CultureInfo.InvariantCulture, $"{column.Name}  {column.Type ?? "?"}{xdm}");
    }
}
