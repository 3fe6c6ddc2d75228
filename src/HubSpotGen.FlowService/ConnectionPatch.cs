using HubSpotGen.FlowService.Models;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService;

/// <summary>
/// Builds the JSON Patch array of a connection update. Flow Service wants an RFC 6902 array with lowercase
/// ops, not the single upper-case object Adobe's own OpenAPI file shows.
/// </summary>
internal static class ConnectionPatch
{
    public const string AuthParamsPath = "/auth/params";
    public const string NamePath = "/name";
    public const string DescriptionPath = "/description";

    /// <summary>
    /// The operations in a fixed order (credentials, name, description), leaving out what is null. A description
    /// may be absent, and RFC 6902's <c>replace</c> fails on an absent member, so it is an <c>add</c>, which sets it
    /// either way; the other two always exist and are replaced.
    /// </summary>
    public static List<PatchOperation> For(HubSpotCredentials? credentials, string? name, string? description)
    {
        var operations = new List<PatchOperation>(3);
        if (credentials is not null)
        {
            var parameters = new JObject();
            foreach (var (key, value) in credentials.ToAuthParams())
            {
                parameters[key] = value;
            }

            operations.Add(Replace(AuthParamsPath, parameters));
        }

        if (name is not null)
        {
            operations.Add(Replace(NamePath, name));
        }

        if (description is not null)
        {
            operations.Add(new PatchOperation { Op = PatchOperationKind.Add, Path = DescriptionPath, Value = description });
        }

        return operations;
    }

    private static PatchOperation Replace(string path, JToken value) =>
        new() { Op = PatchOperationKind.Replace, Path = path, Value = value };
}
