using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>The bookkeeping fields every Flow Service entity carries, set the same way on each.</summary>
internal static class EntityDocuments
{
    /// <summary>Who the emulator records as creator and updater; it does not decode tokens into identities.</summary>
    public const string EmulatorUser = "emulator-user@AdobeID";

    /// <summary>A new entity's id, times, creator, client, sandbox and org, in the order the service lists them.</summary>
    public static JObject New(EmulatorRequest request, SandboxStore.Sandbox sandbox, DateTimeOffset now)
    {
        var millis = now.ToUnixTimeMilliseconds();
        var client = request.Header("x-api-key");
        return new JObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["createdAt"] = millis,
            ["updatedAt"] = millis,
            ["createdBy"] = EmulatorUser,
            ["updatedBy"] = EmulatorUser,
            ["createdClient"] = client,
            ["updatedClient"] = client,
            ["sandboxId"] = sandbox.Id,
            ["sandboxName"] = sandbox.Name,
            ["imsOrgId"] = request.Header("x-gw-ims-org-id"),
        };
    }

    /// <summary>Gives the document its first etag; <c>version</c> always equals it.</summary>
    public static void Stamp(JObject document, DateTimeOffset now)
    {
        var etag = Etags.New(now);
        document["version"] = etag;
        document["etag"] = etag;
    }

    /// <summary>Marks <paramref name="changed"/> as a new version of <paramref name="previous"/>: new etag, updater, and a later updatedAt.</summary>
    public static void Touch(JObject changed, JObject previous, EmulatorRequest request, DateTimeOffset now)
    {
        var etag = Etags.New(now, (string?)previous["etag"]);
        // A change in the same millisecond as the last one still moves updatedAt forward.
        changed["updatedAt"] = Math.Max(now.ToUnixTimeMilliseconds(), (long)previous["updatedAt"]! + 1);
        changed["updatedBy"] = EmulatorUser;
        changed["updatedClient"] = request.Header("x-api-key");
        changed["version"] = etag;
        changed["etag"] = etag;
    }

    /// <summary>The <c>{id, etag}</c> answer of a create or change.</summary>
    public static JObject Reference(StoredEntity stored) => new() { ["id"] = stored.Id, ["etag"] = stored.Etag };
}
