using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// How stored connections leave the emulator: every auth param except the client id is replaced by
/// <see cref="Mask"/>. The real service shows only "a partial view of the credentials" and does not say how,
/// so the rule is the emulator's; it masks unknown keys too, since a key it cannot classify may be a secret.
/// </summary>
internal static class SecretMasking
{
    /// <summary>What a secret value reads as in every answer.</summary>
    public const string Mask = "********";

    private static readonly HashSet<string> VisibleParams = new(StringComparer.Ordinal) { "clientId" };

    /// <summary>A copy of the connection that is safe to answer with.</summary>
    public static JObject Masked(JObject connection)
    {
        var copy = (JObject)connection.DeepClone();
        if (copy["auth"]?["params"] is JObject authParams)
        {
            foreach (var property in authParams.Properties())
            {
                if (!VisibleParams.Contains(property.Name) && property.Value.Type != JTokenType.Null)
                {
                    property.Value = Mask;
                }
            }
        }

        return copy;
    }
}
