using HubSpotGen.FlowService.Models;
using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands;

/// <summary><c>specs get [ID] [--json]</c>: a connection spec, HubSpot's by default.</summary>
internal static class GetSpecCommand
{
    public static Command Build(CommandContext context)
    {
        var id = CliSymbols.SpecId();
        var json = CliSymbols.Json("the connection spec");
        var command = new Command("get", "Show a connection spec: its name, version and the auth params a connection needs.") { id, json };
        command.SetAction((parseResult, cancellationToken) => context.CallFlowServiceAsync(
            parseResult,
            HubSpotNeed.None,
            async (_, client) =>
            {
                var specId = parseResult.GetValue(id);
                var answer = await client.GetConnectionSpecAsync(specId, cancellationToken: cancellationToken);
                var items = answer.Items ?? [];

                // The service was asked for one id, so a lone item is its answer even if the id differs.
                var spec = items.FirstOrDefault(item => item.Id == specId) ?? (items.Count == 1 ? items[0] : null);
                if (spec is null)
                {
                    await context.Error.WriteLineAsync($"error: Flow Service answered without connection spec {specId}");
                    return ExitCodes.ServiceError;
                }

                if (parseResult.GetValue(json))
                {
                    await JsonOutput.WriteAsync(context.Output, spec);
                }
                else
                {
                    await WriteDetailsAsync(context.Output, spec);
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static async Task WriteDetailsAsync(TextWriter output, ConnectionSpec spec)
    {
        await output.WriteLineAsync($"id:          {spec.Id}");
        await output.WriteLineAsync($"name:        {spec.Name}");
        await output.WriteLineAsync($"version:     {spec.Version ?? "?"}");
        if (spec.Type is { } type)
        {
            await output.WriteLineAsync($"type:        {type}");
        }

        if (spec.ProviderId is { } provider)
        {
            await output.WriteLineAsync($"providerId:  {provider}");
        }

        if (!string.IsNullOrEmpty(spec.Description))
        {
            await output.WriteLineAsync($"description: {spec.Description}");
        }

        foreach (var auth in spec.AuthSpec ?? [])
        {
            // The auth spec is a JSON Schema; its property names are the params a connection's auth carries.
            var parameters = auth.Spec is { } schema && schema.TryGetValue("properties", out var properties) && properties is Newtonsoft.Json.Linq.JObject names
                ? string.Join(", ", names.Properties().Select(parameter => parameter.Name))
                : "(not described)";
            await output.WriteLineAsync($"authSpec:    {auth.Name} (params: {parameters})");
        }
    }
}
