using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    /// <summary>Writes the statements that put the body on <c>__request</c>, as its media type asks.</summary>
    private static void WriteRequestContent(SourceWriter writer, ClientFile file, RequestBodyModel body)
    {
        var mediaType = Literal(body.MediaType);
        var name = body.CSharpName;
        switch (body.Kind)
        {
            case RequestBodyKind.Json:
                writer.Line($"__request.Content = __SerializeJson({name}, {mediaType});");
                break;
            case RequestBodyKind.Text:
                writer.Block($"""
                    __request.Content = new {KnownTypes.StringContent}({name}, {KnownTypes.Encoding}.UTF8);
                    __request.Content.Headers.ContentType = new {KnownTypes.MediaTypeHeaderValue}({mediaType});
                    """);
                break;
            case RequestBodyKind.Binary:
                writer.Block($"""
                    __request.Content = new {KnownTypes.StreamContent}({name});
                    __request.Content.Headers.ContentType = new {KnownTypes.MediaTypeHeaderValue}({mediaType});
                    """);
                break;
            case RequestBodyKind.Form:
                writer.Line($"var __fields = new {KnownTypes.List}<{KnownTypes.KeyValuePair}<string, string>>();");
                WriteFormFields(writer, file, body, (field, value) =>
                    $"__fields.Add(new {KnownTypes.KeyValuePair}<string, string>({field}, {value}));");
                writer.Line($"__request.Content = new {KnownTypes.FormUrlEncodedContent}(__fields);");
                break;
            case RequestBodyKind.Multipart:
                writer.Line($"var __parts = new {KnownTypes.MultipartFormDataContent}();");
                WriteFormFields(writer, file, body, (field, value) =>
                    $"__parts.Add(new {KnownTypes.StringContent}({value}), {field});",
                    (field, value) => $"__parts.Add(new {KnownTypes.ByteArrayContent}({value}), {field}, {field});");
                writer.Line("__request.Content = __parts;");
                break;
        }
    }

    /// <summary>
    /// One field per property of the body's class (arrays repeat the field); a dictionary body gives one
    /// field per entry. Byte arrays go as files where <paramref name="addFile"/> is given.
    /// </summary>
    private static void WriteFormFields(SourceWriter writer, ClientFile file, RequestBodyModel body, System.Func<string, string, string> addField, System.Func<string, string, string>? addFile = null)
    {
        if (body.Type.Kind == TypeKind.Map)
        {
            writer.Block($$"""
                foreach (var __entry in {{body.CSharpName}})
                {
                    if (__entry.Value != null)
                    {
                        {{addField("__entry.Key", FormatFormValue(body.Type.Element!, "__entry.Value"))}}
                    }
                }
                """);
            return;
        }

        var type = FindFormBody(file, body.Type.Name);
        if (type is null)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            var access = $"{body.CSharpName}.{property.CSharpName}";
            var name = Literal(property.JsonName);
            var mustBeSet = property.Required && !property.Nullable && property.Type.IsValueType;
            var value = !mustBeSet && property.Type.IsValueType ? $"{access}.Value" : access;
            if (!mustBeSet)
            {
                writer.Open($"if ({access} != null)");
            }

            if (property.Type.Kind == TypeKind.Bytes && addFile is not null)
            {
                writer.Line(addFile(name, value));
            }
            else if (property.Type.Kind == TypeKind.Array)
            {
                writer.Open($"foreach (var __item in {value})");
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
            ? $"__SerializeValue({expression})"
            : FormatScalar(type, expression);

    private static ObjectTypeModel? FindFormBody(ClientFile file, string? name)
    {
        foreach (var type in file.FormBodies)
        {
            if (type.Name == name)
            {
                return type;
            }
        }

        return null;
    }
}
