namespace HubSpotGen.Generators.Emitting;

/// <summary>
/// Every framework and Newtonsoft.Json type the generated code names, spelled once, <c>global::</c>-qualified
/// so that no user type can shadow it. Templates use these rather than spelling a type themselves.
/// </summary>
internal static class KnownTypes
{
    // System
    public const string ArgumentException = "global::System.ArgumentException";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string Convert = "global::System.Convert";
    public const string DateTimeOffset = "global::System.DateTimeOffset";
    public const string Exception = "global::System.Exception";
    public const string FormatException = "global::System.FormatException";
    public const string Func = "global::System.Func";
    public const string Guid = "global::System.Guid";
    public const string IEquatable = "global::System.IEquatable";
    public const string InvalidCastException = "global::System.InvalidCastException";
    public const string Obsolete = "global::System.Obsolete";
    public const string OverflowException = "global::System.OverflowException";
    public const string StringComparer = "global::System.StringComparer";
    public const string StringComparison = "global::System.StringComparison";
    public const string Type = "global::System.Type";
    public const string Uri = "global::System.Uri";

    public const string ArrayPool = "global::System.Buffers.ArrayPool";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string CultureInfo = "global::System.Globalization.CultureInfo";

    // System.Collections.Generic
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string IDictionary = "global::System.Collections.Generic.IDictionary";
    public const string IEnumerable = "global::System.Collections.Generic.IEnumerable";
    public const string IReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string KeyValuePair = "global::System.Collections.Generic.KeyValuePair";
    public const string List = "global::System.Collections.Generic.List";

    // System.IO and System.Text
    public const string MemoryStream = "global::System.IO.MemoryStream";
    public const string Stream = "global::System.IO.Stream";
    public const string StreamReader = "global::System.IO.StreamReader";
    public const string StreamWriter = "global::System.IO.StreamWriter";
    public const string StringWriter = "global::System.IO.StringWriter";
    public const string Encoding = "global::System.Text.Encoding";
    public const string StringBuilder = "global::System.Text.StringBuilder";
    public const string UTF8Encoding = "global::System.Text.UTF8Encoding";

    // System.Net.Http and System.Threading
    public const string ByteArrayContent = "global::System.Net.Http.ByteArrayContent";
    public const string FormUrlEncodedContent = "global::System.Net.Http.FormUrlEncodedContent";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpCompletionOption = "global::System.Net.Http.HttpCompletionOption";
    public const string HttpContent = "global::System.Net.Http.HttpContent";
    public const string HttpMethod = "global::System.Net.Http.HttpMethod";
    public const string HttpRequestMessage = "global::System.Net.Http.HttpRequestMessage";
    public const string HttpResponseMessage = "global::System.Net.Http.HttpResponseMessage";
    public const string MediaTypeHeaderValue = "global::System.Net.Http.Headers.MediaTypeHeaderValue";
    public const string MultipartFormDataContent = "global::System.Net.Http.MultipartFormDataContent";
    public const string StreamContent = "global::System.Net.Http.StreamContent";
    public const string StringContent = "global::System.Net.Http.StringContent";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Task = "global::System.Threading.Tasks.Task";

    // Newtonsoft.Json
    public const string DateParseHandling = "global::Newtonsoft.Json.DateParseHandling";
    public const string Formatting = "global::Newtonsoft.Json.Formatting";
    public const string IArrayPool = "global::Newtonsoft.Json.IArrayPool";
    public const string JsonConvert = "global::Newtonsoft.Json.JsonConvert";
    public const string JsonConverter = "global::Newtonsoft.Json.JsonConverter";
    public const string JsonException = "global::Newtonsoft.Json.JsonException";
    public const string JsonExtensionDataAttribute = "global::Newtonsoft.Json.JsonExtensionData";
    public const string JsonObjectAttribute = "global::Newtonsoft.Json.JsonObject";
    public const string JsonPropertyAttribute = "global::Newtonsoft.Json.JsonProperty";
    public const string JsonReader = "global::Newtonsoft.Json.JsonReader";
    public const string JsonSerializer = "global::Newtonsoft.Json.JsonSerializer";
    public const string JsonSerializerSettings = "global::Newtonsoft.Json.JsonSerializerSettings";
    public const string JsonTextReader = "global::Newtonsoft.Json.JsonTextReader";
    public const string JsonTextWriter = "global::Newtonsoft.Json.JsonTextWriter";
    public const string JsonToken = "global::Newtonsoft.Json.JsonToken";
    public const string JsonWriter = "global::Newtonsoft.Json.JsonWriter";
    public const string MetadataPropertyHandling = "global::Newtonsoft.Json.MetadataPropertyHandling";
    public const string NullValueHandling = "global::Newtonsoft.Json.NullValueHandling";
    public const string JObject = "global::Newtonsoft.Json.Linq.JObject";
    public const string JToken = "global::Newtonsoft.Json.Linq.JToken";
    public const string JTokenType = "global::Newtonsoft.Json.Linq.JTokenType";
    public const string JValue = "global::Newtonsoft.Json.Linq.JValue";
}
