using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    /// <summary>Writes the statements that put the body on <c>__request</c>, as its media type asks.</summary>
    private static void WriteRequestContent(SourceWriter writer, ApiModel model, RequestBodyModel body)
    {
        var mediaType = Literal(body.MediaType);
        switch (body.Kind)
        {
            case RequestBodyKind.Json:
                writer.Line("__request.Content = __SerializeJson(" + body.CSharpName + ", " + mediaType + ");");
                break;
            case RequestBodyKind.Text:
                writer.Line("__request.Content = new global::System.Net.Http.StringContent(" + body.CSharpName + ", global::System.Text.Encoding.UTF8);");
                writer.Line("__request.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(" + mediaType + ");");
                break;
            case RequestBodyKind.Binary:
                writer.Line("__request.Content = new global::System.Net.Http.StreamContent(" + body.CSharpName + ");");
                writer.Line("__request.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(" + mediaType + ");");
                break;
            case RequestBodyKind.Form:
                writer.Line("var __fields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
                WriteFormFields(writer, model, body, (name, value) =>
                    "__fields.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(" + name + ", " + value + "));");
                writer.Line("__request.Content = new global::System.Net.Http.FormUrlEncodedContent(__fields);");
                break;
            case RequestBodyKind.Multipart:
                writer.Line("var __parts = new global::System.Net.Http.MultipartFormDataContent();");
                WriteFormFields(writer, model, body, (name, value) =>
                    "__parts.Add(new global::System.Net.Http.StringContent(" + value + "), " + name + ");",
                    (name, value) => "__parts.Add(new global::System.Net.Http.ByteArrayContent(" + value + "), " + name + ", " + name + ");");
                writer.Line("__request.Content = __parts;");
                break;
        }
    }

    /// <summary>
    /// One field per property of the body's class (arrays repeat the field); a dictionary body gives one
    /// field per entry. Byte arrays go as files where <paramref name="addFile"/> is given.
    /// </summary>
    private static void WriteFormFields(SourceWriter writer, ApiModel model, RequestBodyModel body, System.Func<string, string, string> addField, System.Func<string, string, string>? addFile = null)
    {
        if (body.Type.Kind == TypeKind.Map)
        {
            writer.Open("foreach (var __entry in " + body.CSharpName + ")");
            writer.Open("if (__entry.Value != null)");
            writer.Line(addField("__entry.Key", FormatFormValue(body.Type.Element!, "__entry.Value")));
            writer.Close();
            writer.Close();
            return;
        }

        var type = FindObject(model, body.Type.Name);
        if (type is null)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            var access = body.CSharpName + "." + property.CSharpName;
            var name = Literal(property.JsonName);
            var mustBeSet = property.Required && !property.Nullable && property.Type.IsValueType;
            var value = !mustBeSet && property.Type.IsValueType ? access + ".Value" : access;
            if (!mustBeSet)
            {
                writer.Open("if (" + access + " != null)");
            }

            if (property.Type.Kind == TypeKind.Bytes && addFile is not null)
            {
                writer.Line(addFile(name, value));
            }
            else if (property.Type.Kind == TypeKind.Array)
            {
                writer.Open("foreach (var __item in " + value + ")");
                writer.Line(addField(name, FormatFormValue(property.Type.Element!, "__item")));
                writer.Close();
            }
            else
            {
                writer.Line(addField(name, FormatFormValue(property.Type, value)));
            }

            if (!mustBeSet)
            {
                writer.Close();
            }
        }
    }

    /// <summary>Scalars as their text; anything structured as JSON, which is what form servers usually expect of it.</summary>
    private static string FormatFormValue(TypeRef type, string expression) =>
        type.Kind is TypeKind.Object or TypeKind.Array or TypeKind.Map or TypeKind.Any
            ? "__SerializeValue(" + expression + ")"
            : FormatScalar(type, expression);

    private static ObjectTypeModel? FindObject(ApiModel model, string? name)
    {
        foreach (var type in model.Objects)
        {
            if (type.Name == name)
            {
                return type;
            }
        }

        return null;
    }
}
