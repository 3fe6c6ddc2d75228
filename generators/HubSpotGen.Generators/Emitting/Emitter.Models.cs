using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    private static string EmitObject(ApiHeader header, ObjectTypeModel type, EmitOptions options)
    {
        var writer = StartFile(header);
        writer.Doc("summary", type.Description ?? "The " + type.Name + " schema.");
        writer.Line(GeneratedCodeAttribute);
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI description.\")]");
        }

        writer.Open("public sealed partial class " + type.Name);
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteProperty(writer, header, property, options);
        }

        if (type.AdditionalProperties is not null)
        {
            if (!first)
            {
                writer.Line();
            }

            writer.Line("/// <summary>Properties the schema does not declare, kept so that nothing read is lost.</summary>");
            writer.Line("[global::Newtonsoft.Json.JsonExtensionData]");
            writer.Line("public global::System.Collections.Generic.IDictionary<string, " + TypeNames.JToken + "> AdditionalProperties { get; set; } = new global::System.Collections.Generic.Dictionary<string, " + TypeNames.JToken + ">();");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteProperty(SourceWriter writer, ApiHeader header, PropertyModel property, EmitOptions options)
    {
        // A read-only member is the service's to fill: requiring it would force callers to invent a value.
        var mustBeSet = property.Required && !property.Nullable && !property.ReadOnly;
        var isRequiredMember = mustBeSet && options.UseRequiredMembers;

        // [Obsolete] on a required member is CS9042 unless the whole type is obsolete, so there only the docs say it.
        var markObsolete = property.Deprecated && !isRequiredMember;
        writer.Doc("summary", property.Description ?? "The '" + property.JsonName + "' property.");
        if (property.ReadOnly)
        {
            writer.Line("/// <remarks>Read-only: set by the service, not sent by callers.</remarks>");
        }

        if (property.DefaultValue is not null)
        {
            writer.Line("/// <value>The service's default is <c>" + SourceWriter.DocText(property.DefaultValue) + "</c>.</value>");
        }
        if (property.Deprecated && !markObsolete)
        {
            writer.Line("/// <remarks>Deprecated in the OpenAPI description.</remarks>");
        }

        // Absent and null are one thing for optional members: left out of the JSON, as the design asks.
        var nullHandling = property.Required && property.Nullable ? "Include" : "Ignore";

        // Reading is lenient: a member missing from an answer reads as null or default, because the service
        // leaves out members its own documentation shows (a connection without auth, a spec without version).
        // Required-ness is enforced where the program builds a request, by C#'s required members.
        writer.Line("[global::Newtonsoft.Json.JsonProperty(" + Literal(property.JsonName) + ", NullValueHandling = global::Newtonsoft.Json.NullValueHandling." + nullHandling + ")]");
        if (markObsolete)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI description.\")]");
        }

        var typeText = mustBeSet ? TypeNames.Spell(property.Type, header.Namespace) : TypeNames.SpellNullable(property.Type, header.Namespace);
        if (isRequiredMember)
        {
            writer.Line("public required " + typeText + " " + property.CSharpName + " { get; set; }");
        }
        else if (mustBeSet && !property.Type.IsValueType)
        {
            writer.Line("public " + typeText + " " + property.CSharpName + " { get; set; } = default!;");
        }
        else
        {
            writer.Line("public " + typeText + " " + property.CSharpName + " { get; set; }");
        }
    }
}
