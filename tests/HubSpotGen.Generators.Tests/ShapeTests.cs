using System.Net;
using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// What users get from each schema and operation shape: one small spec per behaviour, checked on the
/// generated symbols or, where the wire matters, by calling the compiled client over a stub handler.
/// </summary>
public sealed class ShapeTests
{
    private const string Ns = "Generated.Api";

    [Test]
    public void AllOf_merges_the_properties_of_every_part_into_one_class()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Stamped:
                  type: object
                  properties:
                    createdAt: {type: string, format: date-time}
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - $ref: '#/components/schemas/Stamped'
                    - type: object
                      properties:
                        goodBoy: {type: boolean}
            """);

        Assert.That(PropertyNames(run.GetGeneratedType(Ns + ".Dog")), Is.SupersetOf(new[] { "Name", "CreatedAt", "GoodBoy" }));
    }

    [Test]
    public void An_inline_object_property_becomes_a_class_named_after_its_parent_and_property()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Order:
                  type: object
                  properties:
                    shipping:
                      type: object
                      properties:
                        street: {type: string}
            """);

        var shipping = run.GetGeneratedType(Ns + ".OrderShipping");
        Assert.That(PropertyNames(shipping), Does.Contain("Street"));
        Assert.That(PropertyType(run.GetGeneratedType(Ns + ".Order"), "Shipping").Name, Is.EqualTo("OrderShipping"));
    }

    [Test]
    public void An_integer_enum_gets_a_type_that_reads_and_writes_numbers_and_keeps_unknown_values()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Priority:
                  type: integer
                  enum: [1, 2, 3]
                Ticket:
                  type: object
                  properties:
                    priority: {$ref: '#/components/schemas/Priority'}
            """);

        run.GetGeneratedType(Ns + ".Priority");
        Assert.That(Unwrap(PropertyType(run.GetGeneratedType(Ns + ".Ticket"), "Priority")).Name, Is.EqualTo("Priority"), "The property should be of the enum's type, not a bare number.");
        var ticket = LoadType(run, Ns + ".Ticket");
        Assert.That(RoundTrip(ticket, """{"priority":2}"""), Is.EqualTo("""{"priority":2}"""));
        Assert.That(RoundTrip(ticket, """{"priority":99}"""), Is.EqualTo("""{"priority":99}"""), "A value the spec does not list must survive.");
    }

    [Test]
    public void A_string_enum_with_values_that_are_not_identifiers_round_trips_and_keeps_unknown_values()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Ticket:
                  type: object
                  properties:
                    state:
                      type: string
                      enum: [open, in-progress, on hold, 2nd-line, class, '']
            """);

        var ticket = LoadType(run, Ns + ".Ticket");
        foreach (var value in new[] { "open", "in-progress", "on hold", "2nd-line", "class", "", "never-listed" })
        {
            var json = "{\"state\":\"" + value + "\"}";
            Assert.That(RoundTrip(ticket, json), Is.EqualTo(json));
        }
    }

    [Test]
    public void A_3_1_type_list_with_null_gives_nullable_properties()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  required: [nickname, age, born]
                  properties:
                    nickname: {type: [string, 'null']}
                    age: {type: [integer, 'null']}
                    born: {type: ['null', string], format: date-time}
            """);

        var person = run.GetGeneratedType(Ns + ".Person");
        Assert.That(PropertyType(person, "Nickname").NullableAnnotation, Is.EqualTo(NullableAnnotation.Annotated));
        Assert.That(PropertyType(person, "Age").ToDisplayString(), Is.EqualTo("int?"));
        Assert.That(PropertyType(person, "Born").ToDisplayString(), Is.EqualTo("System.DateTimeOffset?"));
    }

    [Test]
    public void A_3_0_nullable_gives_nullable_properties()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  required: [nickname, age]
                  properties:
                    nickname: {type: string, nullable: true}
                    age: {type: integer, nullable: true}
            """);

        var person = run.GetGeneratedType(Ns + ".Person");
        Assert.That(PropertyType(person, "Nickname").NullableAnnotation, Is.EqualTo(NullableAnnotation.Annotated));
        Assert.That(PropertyType(person, "Age").ToDisplayString(), Is.EqualTo("int?"));
    }

    [Test]
    public void Formats_give_DateTimeOffset_Guid_long_and_byte_array()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Event:
                  type: object
                  required: [at, id, sequence, signature]
                  properties:
                    at: {type: string, format: date-time}
                    id: {type: string, format: uuid}
                    sequence: {type: integer, format: int64}
                    signature: {type: string, format: byte}
            """);

        var type = run.GetGeneratedType(Ns + ".Event");
        Assert.That(PropertyType(type, "At").ToDisplayString(), Is.EqualTo("System.DateTimeOffset"));
        Assert.That(PropertyType(type, "Id").ToDisplayString(), Is.EqualTo("System.Guid"));
        Assert.That(PropertyType(type, "Sequence").ToDisplayString(), Is.EqualTo("long"));
        Assert.That(PropertyType(type, "Signature").ToDisplayString(), Is.EqualTo("byte[]"));
    }

    [Test]
    public void A_required_property_is_a_required_member()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    note: {type: string}
            """);

        var person = run.GetGeneratedType(Ns + ".Person");
        Assert.That(person.GetMembers("Name").OfType<IPropertySymbol>().Single().IsRequired, Is.True);
        Assert.That(person.GetMembers("Note").OfType<IPropertySymbol>().Single().IsRequired, Is.False);
    }

    [Test]
    public void Deprecated_operations_and_properties_are_obsolete()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /old:
                get:
                  operationId: oldWay
                  deprecated: true
                  responses:
                    '204': {description: ok}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    legacy: {type: string, deprecated: true}
            """);

        Assert.That(Attributes(run.GetGeneratedType(Ns + ".ShapesClient").GetMembers("OldWayAsync").Single()), Does.Contain("System.ObsoleteAttribute"));
        Assert.That(Attributes(run.GetGeneratedType(Ns + ".Thing").GetMembers("Legacy").Single()), Does.Contain("System.ObsoleteAttribute"));
    }

    [Test]
    public void AdditionalProperties_false_keeps_no_extra_members_and_a_schema_types_the_map()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Closed:
                  type: object
                  additionalProperties: false
                  properties:
                    a: {type: string}
                Open:
                  type: object
                  additionalProperties: true
                  properties:
                    a: {type: string}
                Counts:
                  type: object
                  additionalProperties: {type: integer}
                Holder:
                  type: object
                  properties:
                    counts: {$ref: '#/components/schemas/Counts'}
            """);

        Assert.That(PropertyNames(run.GetGeneratedType(Ns + ".Closed")), Is.EqualTo(new[] { "A" }));
        var open = LoadType(run, Ns + ".Open");
        Assert.That(RoundTrip(open, """{"a":"x","b":1}"""), Is.EqualTo("""{"a":"x","b":1}"""), "Undeclared properties must survive where the schema allows them.");
        Assert.That(PropertyType(run.GetGeneratedType(Ns + ".Holder"), "Counts").ToDisplayString(), Does.Contain("Dictionary<string, int>"));
    }

    [Test]
    public void A_oneOf_with_a_discriminator_tells_the_variants_apart()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Cat:
                  type: object
                  properties:
                    kind: {type: string}
                    lives: {type: integer}
                Dog:
                  type: object
                  properties:
                    kind: {type: string}
                    goodBoy: {type: boolean}
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                      dog: '#/components/schemas/Dog'
                Owner:
                  type: object
                  properties:
                    pet: {$ref: '#/components/schemas/Pet'}
            """);

        var owner = LoadType(run, Ns + ".Owner");
        var read = Newtonsoft.Json.JsonConvert.DeserializeObject("""{"pet":{"kind":"dog","goodBoy":true}}""", owner)!;
        var pet = owner.GetProperty("Pet")!.GetValue(read)!;
        var asDog = pet.GetType().GetMethod("AsDog")?.Invoke(pet, null);
        Assert.That(asDog, Is.Not.Null, "The value names the Dog variant; reading it as Dog must work.");
        Assert.That(asDog!.GetType().GetProperty("GoodBoy")!.GetValue(asDog), Is.EqualTo(true));
        Assert.That(pet.GetType().GetMethod("AsCat")?.Invoke(pet, null), Is.Null);
        Assert.That(Newtonsoft.Json.JsonConvert.SerializeObject(read), Is.EqualTo("""{"pet":{"kind":"dog","goodBoy":true}}"""));
    }

    [Test]
    public void A_swagger_2_body_parameter_gives_a_method_taking_the_body()
    {
        var run = Generate("""
            swagger: '2.0'
            info: {title: Shapes, version: '1'}
            paths:
              /pets:
                post:
                  operationId: createPet
                  parameters:
                    - name: pet
                      in: body
                      required: true
                      schema: {$ref: '#/definitions/Pet'}
                  responses:
                    '201':
                      description: created
                      schema: {$ref: '#/definitions/Pet'}
            definitions:
              Pet:
                type: object
                properties:
                  name: {type: string}
            """);

        var method = Method(run, "CreatePetAsync");
        Assert.That(method.Parameters.Select(p => p.Type.Name), Does.Contain("Pet"));
        Assert.That(method.ReturnType.ToDisplayString(), Is.EqualTo("System.Threading.Tasks.Task<Generated.Api.Pet>"));
    }

    [Test]
    public async Task A_swagger_2_spec_uses_host_and_basePath_and_sends_the_body_as_json()
    {
        var run = Generate("""
            swagger: '2.0'
            info: {title: Shapes, version: '1'}
            host: pets.example.test
            basePath: /v2
            schemes: [https]
            paths:
              /pets:
                post:
                  operationId: createPet
                  consumes: [application/json]
                  parameters:
                    - name: pet
                      in: body
                      required: true
                      schema: {$ref: '#/definitions/Pet'}
                  responses:
                    '204': {description: created}
            definitions:
              Pet:
                type: object
                properties:
                  name: {type: string}
            """);

        Assert.That(run.GetGeneratedType(Ns + ".ShapesClient").GetMembers("DefaultBaseUrl").OfType<IFieldSymbol>().Single().ConstantValue, Is.EqualTo("https://pets.example.test/v2"));
        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        await client.CallAsync("CreatePetAsync", new Dictionary<string, object?> { ["pet"] = new LoadedClient.Json("""{"name":"Rex"}""") });
        var (request, body) = client.Handler.Requests.Single();
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(JToken.Parse(System.Text.Encoding.UTF8.GetString(body!)).ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"name":"Rex"}"""));
    }

    [Test]
    public void An_operation_without_operationId_gets_a_method_named_from_its_method_and_path()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /users/{id}/orders:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                get:
                  responses:
                    '204': {description: ok}
                post:
                  responses:
                    '204': {description: ok}
            """);

        var names = run.GetGeneratedType(Ns + ".ShapesClient").GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Where(n => n.EndsWith("Async", StringComparison.Ordinal)).ToList();
        Assert.That(names, Has.Some.Match("^Get.*Users.*Orders.*Async$"), string.Join(", ", names));
        Assert.That(names, Has.Some.Match("^Post.*Users.*Orders.*Async$"), string.Join(", ", names));
    }

    [Test]
    public void Server_variables_are_filled_with_their_defaults_in_the_default_base_url()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            servers:
              - url: https://{tenant}.example.test:{port}/api/{version}
                variables:
                  tenant: {default: acme}
                  port: {default: '8443', enum: ['443', '8443']}
                  version: {default: v2}
            paths: {}
            """);

        var constant = run.GetGeneratedType(Ns + ".ShapesClient").GetMembers("DefaultBaseUrl").OfType<IFieldSymbol>().Single();
        Assert.That(constant.ConstantValue, Is.EqualTo("https://acme.example.test:8443/api/v2"));
    }

    [Test]
    public async Task A_text_plain_response_returns_the_text_as_a_string()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /readme:
                get:
                  operationId: getReadme
                  responses:
                    '200':
                      description: text
                      content:
                        text/plain:
                          schema: {type: string}
            """);

        Assert.That(Method(run, "GetReadmeAsync").ReturnType.ToDisplayString(), Is.EqualTo("System.Threading.Tasks.Task<string>"));
        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.OK, "# Hello, \"world\"\n", "text/plain"));
        Assert.That(await client.CallAsync("GetReadmeAsync"), Is.EqualTo("# Hello, \"world\"\n"));
    }

    [Test]
    public async Task An_octet_stream_response_returns_a_stream_or_bytes()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /file:
                get:
                  operationId: download
                  responses:
                    '200':
                      description: bytes
                      content:
                        application/octet-stream:
                          schema: {type: string, format: binary}
            """);

        var returned = ((INamedTypeSymbol)Method(run, "DownloadAsync").ReturnType).TypeArguments.Single().ToDisplayString();
        Assert.That(returned, Is.AnyOf("byte[]", "System.IO.Stream"));
        var payload = new byte[] { 0, 1, 2, 255, 254, 10, 13 };
        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.OK, payload, "application/octet-stream"));
        var result = await client.CallAsync("DownloadAsync");
        var bytes = result is Stream stream ? ReadAll(stream) : (byte[])result!;
        Assert.That(bytes, Is.EqualTo(payload));
    }

    [Test]
    public async Task A_no_content_response_makes_a_method_returning_Task()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /things/{id}:
                delete:
                  operationId: deleteThing
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: gone}
            """);

        Assert.That(Method(run, "DeleteThingAsync").ReturnType.ToDisplayString(), Is.EqualTo("System.Threading.Tasks.Task"));
        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        await client.CallAsync("DeleteThingAsync", new Dictionary<string, object?> { ["id"] = "a/b c" });
        Assert.That(client.Handler.Requests.Single().Request.RequestUri!.AbsoluteUri, Is.EqualTo("https://stub.example.test/base/things/a%2Fb%20c"));
    }

    [Test]
    public async Task A_form_urlencoded_body_is_sent_as_a_form()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /login:
                post:
                  operationId: login
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            username: {type: string}
                            password: {type: string}
                  responses:
                    '204': {description: ok}
            """);

        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        await client.CallAsync("LoginAsync", new Dictionary<string, object?> { ["body"] = new LoadedClient.Json("""{"username":"ann","password":"p&ss w=rd"}""") });

        var (request, body) = client.Handler.Requests.Single();
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(System.Text.Encoding.UTF8.GetString(body!), Is.EqualTo("username=ann&password=p%26ss+w%3Drd"));
    }

    [Test]
    public async Task A_multipart_body_is_sent_as_multipart_form_data()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            title: {type: string}
                  responses:
                    '204': {description: ok}
            """);

        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        await client.CallAsync("UploadAsync", new Dictionary<string, object?> { ["body"] = new LoadedClient.Json("""{"title":"Report"}""") });

        var (request, body) = client.Handler.Requests.Single();
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("multipart/form-data"));
        var text = System.Text.Encoding.UTF8.GetString(body!);
        Assert.That(text, Does.Contain("name=title").Or.Contain("name=\"title\""));
        Assert.That(text, Does.Contain("Report"));
    }

    [Test]
    public async Task An_octet_stream_request_body_is_sent_as_raw_bytes()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /blob:
                put:
                  operationId: putBlob
                  requestBody:
                    required: true
                    content:
                      application/octet-stream:
                        schema: {type: string, format: binary}
                  responses:
                    '204': {description: ok}
            """);

        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        var payload = new byte[] { 0, 159, 146, 150 };
        var bodyType = Method(run, "PutBlobAsync").Parameters.First().Type.ToDisplayString();
        object argument = bodyType.StartsWith("System.IO.Stream", StringComparison.Ordinal) ? new MemoryStream(payload) : payload;
        await client.CallAsync("PutBlobAsync", new Dictionary<string, object?> { ["body"] = argument });

        var (request, body) = client.Handler.Requests.Single();
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/octet-stream"));
        Assert.That(body, Is.EqualTo(payload));
    }

    [Test]
    public async Task A_json_patch_body_is_sent_with_its_own_media_type()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /things/{id}:
                patch:
                  operationId: patchThing
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/json-patch+json:
                        schema:
                          type: array
                          items:
                            type: object
                            properties:
                              op: {type: string}
                              path: {type: string}
                              value: {}
                  responses:
                    '204': {description: ok}
            """);

        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        await client.CallAsync("PatchThingAsync", new Dictionary<string, object?> { ["id"] = "1", ["body"] = new LoadedClient.Json("""[{"op":"replace","path":"/name","value":"x"}]""") });

        var (request, body) = client.Handler.Requests.Single();
        Assert.That(request.Method.Method, Is.EqualTo("PATCH"));
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json-patch+json"));
        Assert.That(JToken.Parse(System.Text.Encoding.UTF8.GetString(body!)).ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""[{"op":"replace","path":"/name","value":"x"}]"""));
    }

    [Test]
    public async Task Query_arrays_repeat_the_name_when_exploded_and_join_with_commas_when_not()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /search:
                get:
                  operationId: search
                  parameters:
                    - {name: ids, in: query, schema: {type: array, items: {type: integer}}}
                    - {name: tags, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}
                  responses:
                    '204': {description: ok}
            """);

        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        await client.CallAsync("SearchAsync", new Dictionary<string, object?> { ["ids"] = new LoadedClient.Json("[1,2]"), ["tags"] = new LoadedClient.Json("""["a b","c"]""") });

        Assert.That(client.Handler.Requests.Single().Request.RequestUri!.Query, Is.EqualTo("?ids=1&ids=2&tags=a%20b,c").Or.EqualTo("?ids=1&ids=2&tags=a%20b%2Cc"));
    }

    [Test]
    public async Task Header_and_cookie_parameters_travel_in_headers()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /me:
                get:
                  operationId: getMe
                  parameters:
                    - {name: X-Request-Id, in: header, required: true, schema: {type: string}}
                    - {name: session, in: cookie, required: true, schema: {type: string}}
                  responses:
                    '204': {description: ok}
            """);

        var method = Method(run, "GetMeAsync");
        var names = method.Parameters.Select(p => p.Name).ToList();
        var client = LoadedClient.Create(run, Ns + ".ShapesClient", _ => LoadedClient.Respond(HttpStatusCode.NoContent));
        await client.CallAsync("GetMeAsync", new Dictionary<string, object?> { [names[0]] = "r-1", [names[1]] = "s-2" });

        var request = client.Handler.Requests.Single().Request;
        Assert.That(request.Headers.GetValues("X-Request-Id"), Is.EqualTo(new[] { "r-1" }));
        Assert.That(string.Join(";", request.Headers.GetValues("Cookie")), Does.Contain("session=s-2"));
    }

    [Test]
    public void A_yaml_merge_key_brings_in_the_entries_of_its_anchor()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths: {}
            components:
              schemas:
                Base: &base
                  type: object
                  properties:
                    id: {type: string}
                Item:
                  <<: *base
                  description: An item with the base's properties.
            """);

        Assert.That(PropertyNames(run.GetGeneratedType(Ns + ".Item")), Does.Contain("Id"));
    }

    private static GeneratorRun Generate(string spec)
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(spec)));
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutErrors();
        return run;
    }

    private static IMethodSymbol Method(GeneratorRun run, string name) =>
        run.GetGeneratedType(Ns + ".ShapesClient").GetMembers(name).OfType<IMethodSymbol>().SingleOrDefault()
        ?? throw new AssertionException(name + " is not a client method. Methods: " + string.Join(", ", run.GetGeneratedType(Ns + ".ShapesClient").GetMembers().OfType<IMethodSymbol>().Select(m => m.Name)));

    private static List<string> PropertyNames(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic).Select(p => p.Name).ToList();

    private static ITypeSymbol PropertyType(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().SingleOrDefault()?.Type
        ?? throw new AssertionException(type.Name + " has no property " + name + "; it has " + string.Join(", ", PropertyNames(type)));

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static List<string> Attributes(ISymbol symbol) =>
        symbol.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString() ?? string.Empty).ToList();

    private static Type LoadType(GeneratorRun run, string metadataName) =>
        LoadedClient.Load(run).GetType(metadataName) ?? throw new AssertionException(metadataName + " is not in the compiled output.");

    private static string RoundTrip(Type type, string json) =>
        Newtonsoft.Json.JsonConvert.SerializeObject(Newtonsoft.Json.JsonConvert.DeserializeObject(json, type));

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
