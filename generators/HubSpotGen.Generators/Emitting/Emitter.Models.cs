using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    private static void WriteObject(SourceWriter writer, ObjectFile file)
    {
        var type = file.Type;
        writer.Doc("summary", type.Description ?? $"The {type.Name} schema.");
        writer.Line(GeneratedCodeAttribute);

        // Absent and null are one thing for optional members: left out of the JSON, as the design asks. Said
        // once for the class rather than on every property; the members that must send null say so themselves.
        writer.Line($"[{KnownTypes.JsonObjectAttribute}(ItemNullValueHandling = {KnownTypes.NullValueHandling}.Ignore)]");
        if (type.Deprecated)
        {
            writer.Line(ObsoleteAttribute);
        }

        writer.Open($"public sealed partial class {type.Name}");
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteProperty(writer, file, property);
        }

        if (type.AdditionalProperties is not null)
        {
            if (!first)
            {
                writer.Line();
            }

            writer.Block($$"""
                /// <summary>Properties the schema does not declare, kept so that nothing read is lost.</summary>
                [{{KnownTypes.JsonExtensionDataAttribute}}]
                public {{KnownTypes.IDictionary}}<string, {{KnownTypes.JToken}}> AdditionalProperties { get; set; } = new {{KnownTypes.Dictionary}}<string, {{KnownTypes.JToken}}>();
                """);
        }

        writer.Close();
    }

    private static void WriteProperty(SourceWriter writer, ObjectFile file, PropertyModel property)
    {
        // A read-only member is the service's to fill: requiring it would force callers to invent a value.
        var mustBeSet = property.Required && !property.Nullable && !property.ReadOnly;
        var isRequiredMember = mustBeSet && file.Options.UseRequiredMembers;

        // [Obsolete] on a required member is CS9042 unless the whole type is obsolete, so there only the docs say it.
        var markObsolete = property.Deprecated && !isRequiredMember;
        writer.Doc("summary", property.Description ?? $"The '{property.JsonName}' property.");
        if (property.ReadOnly)
        {
            writer.Line("/// <remarks>Read-only: set by the service, not sent by callers.</remarks>");
        }

        if (property.DefaultValue is not null)
        {
            writer.Line($"/// <value>The service's default is <c>{SourceWriter.DocText(property.DefaultValue)}</c>.</value>");
        }
        if (property.Deprecated && !markObsolete)
        {
            writer.Line("/// <remarks>Deprecated in the OpenAPI description.</remarks>");
        }

        // A required member that may be null is sent as null: leaving it out would say something else.
        var sendNull = property.Required && property.Nullable ? $", NullValueHandling = {KnownTypes.NullValueHandling}.Include" : "";

        // Reading is lenient: a member missing from an answer reads as null or default, because the service
        // leaves out members its own documentation shows (a connection without auth, a spec without version).
        // Required-ness is enforced where the program builds a request, by C#'s required members.
        writer.Line($"[{KnownTypes.JsonPropertyAttribute}(", Literal(property.JsonName), sendNull, ")]");
        if (markObsolete)
        {
            writer.Line(ObsoleteAttribute);
        }

        var typeText = mustBeSet ? TypeNames.Spell(property.Type, file.Header.TypesNamespace) : TypeNames.SpellNullable(property.Type, file.Header.TypesNamespace);
        writer.Line(
            isRequiredMember ? "public required " : "public ",
            typeText,
            " ",
            property.CSharpName,
            mustBeSet && !property.Type.IsValueType && !isRequiredMember ? " { get; set; } = default!;" : " { get; set; }");
    }
}
