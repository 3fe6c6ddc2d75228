using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

/// <summary>The <c>{Client}Webhooks</c> class: one method per webhook that reads its request body.</summary>
/// <param name="Header">Namespace, client name and title.</param>
/// <param name="Webhooks">The webhooks, in spec order.</param>
internal sealed record WebhooksFile(ApiHeader Header, EquatableArray<WebhookModel> Webhooks) : SourceFile(Header);

internal static partial class Emitter
{
    /// <summary>
    /// A static class, as a receiver has no HttpClient to build a client with. The reading itself is a member
    /// of the client so that a payload is read with exactly the settings the client reads its answers with.
    /// </summary>
    private static Microsoft.CodeAnalysis.Text.SourceText EmitWebhooks(WebhooksFile file)
    {
        var header = file.Header;
        var client = GeneratedType(header, header.ClientName);
        var writer = StartFile(header);
        writer.Doc("summary", $"Reads the bodies of the requests {header.Title} sends to its receivers (its webhooks).");
        writer.Line(GeneratedCodeAttribute);
        writer.Open($"public static partial class {WebhookModel.ClassName(header.ClientName)}");
        var first = true;
        foreach (var webhook in file.Webhooks)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var payload = TypeNames.Spell(webhook.PayloadType, header.TypesNamespace);
            writer.Doc("summary", webhook.Summary ?? $"Reads the body of the '{webhook.Key}' webhook ({webhook.HttpMethod}).");
            writer.Doc("remarks", webhook.Description);
            writer.Block($"""
                /// <param name="body">The request body as received.</param>
                /// <returns>The payload.</returns>
                /// <exception cref="{KnownTypes.ArgumentNullException}"><paramref name="body"/> is null.</exception>
                /// <exception cref="{KnownTypes.JsonException}">The body is not JSON of the payload's shape, or is JSON null.</exception>
                """);
            if (webhook.Deprecated)
            {
                writer.Line(ObsoleteAttribute);
            }

            writer.Line($"public static {payload} {webhook.MethodName}(string body) => {client}.__ReadWebhook<{payload}>(body, {Literal(webhook.Key)});");
        }

        writer.Close();
        writer.Line();
        writer.Block($$"""
            public partial class {{header.ClientName}}
            {
                internal static T __ReadWebhook<T>(string body, string webhook)
                {
                    if (body == null)
                    {
                        throw new {{KnownTypes.ArgumentNullException}}(nameof(body));
                    }

                    var value = {{KnownTypes.JsonConvert}}.DeserializeObject<T>(body, __JsonSettings);
                    return value ?? throw new {{KnownTypes.JsonException}}("The body of the webhook '" + webhook + "' is JSON null, where the spec describes a payload.");
                }
            }
            """);
        writer.Close();
        return writer.Finish();
    }
}
