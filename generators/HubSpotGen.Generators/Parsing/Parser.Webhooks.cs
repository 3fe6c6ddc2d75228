using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

internal static partial class Parser
{
    /// <summary>
    /// OpenAPI 3.1 <c>webhooks</c>: requests the API sends to the user. The user receives them, so the client
    /// needs no method to send one, only the type of its body and a way to read it. A webhook whose body the
    /// receiver could not read that way is reported and left out.
    /// </summary>
    private static EquatableArray<WebhookModel> ParseWebhooks(ParseContext context)
    {
        var webhooks = new List<WebhookModel>();
        var baseNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.Document.GetMap("webhooks").Entries())
        {
            if (Dereference(context, entry.Value, "the webhook is skipped", out _) is not { } pathItem)
            {
                continue;
            }

            foreach (var method in HttpMethods)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (pathItem.GetMap(method) is { } operation && (context.Filter?.Includes(null, operation.GetSequence("tags").Strings()) ?? true)
                    && ParseWebhook(context, entry.Key, method, operation, baseNames) is { } webhook)
                {
                    webhooks.Add(webhook);
                }
            }
        }

        return webhooks.ToEquatableArray();
    }

    private static WebhookModel? ParseWebhook(ParseContext context, string key, string method, SpecMapping operation, HashSet<string> baseNames)
    {
        if (operation.Get("requestBody") is not { } node)
        {
            Report(context, DiagnosticDescriptors.WebhookSkipped, operation, key, "has no request body");
            return null;
        }

        if (Dereference(context, node, "the webhook is skipped", out _) is not { } requestBody)
        {
            return null;
        }

        SpecMapping? json = null;
        foreach (var media in requestBody.GetMap("content").Entries())
        {
            if (MediaTypes.IsJson(media.Key) && media.Value is SpecMapping mediaMap)
            {
                json = mediaMap;
                break;
            }
        }

        if (json is null)
        {
            Report(context, DiagnosticDescriptors.WebhookSkipped, (SpecNode?)requestBody.GetKeyNode("content") ?? node, key, "has no JSON body");
            return null;
        }

        if (json.Get("schema") is not { } schema)
        {
            Report(context, DiagnosticDescriptors.WebhookSkipped, json, key, "has a JSON body without a schema");
            return null;
        }

        var desiredName = CSharpNames.ToPascalCase(operation.GetString("operationId") ?? key, "Webhook");
        var baseName = CSharpNames.MakeUnique(desiredName, baseNames);
        return new WebhookModel(
            key,
            method.ToUpperInvariant(),
            "Parse" + baseName,
            ResolveSchema(context, schema, baseName),
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetBool("deprecated"));
    }
}
