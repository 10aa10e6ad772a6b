using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace KeySell.Web.Tests.Infrastructure;

/// <summary>An RFC 9457 problem as a client reads it, with the per-field errors of a 400.</summary>
public sealed record ProblemDocument(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("errors")] Dictionary<string, string[]>? Errors)
{
    public static async Task<ProblemDocument> ReadAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemDocument>())!;
    }
}
