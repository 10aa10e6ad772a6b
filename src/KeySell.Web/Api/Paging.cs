using System.Globalization;
using System.Reflection;
using KeySell.Application.Common;
using KeySell.Application.Resources;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KeySell.Web.Api;

/// <summary>
/// <c>?page=&amp;pageSize=</c> of every list, bound and checked in one place: a list endpoint takes a <see cref="Paging"/>
/// parameter, and <see cref="RefuseOutOfBounds"/> (a filter on the whole API) answers <c>400</c> with the field for a
/// value outside 1…<see cref="InputLimits.MaxPage"/> or 1…<see cref="InputLimits.MaxPageSize"/>, before the list is asked.
/// </summary>
public sealed class Paging
{
    private Paging(PageRequest request, Dictionary<string, string[]> errors)
    {
        Request = request;
        Errors = errors;
    }

    public PageRequest Request { get; }

    /// <summary>Field name to messages, as a validation problem lists them; empty when both values are within bounds.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Minimal APIs call this for a parameter of this type.</summary>
    public static ValueTask<Paging?> BindAsync(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        var page = Value(http, "page", 1, InputLimits.MaxPage, fallback: 1, errors);
        var size = Value(http, "pageSize", 1, InputLimits.MaxPageSize, fallback: PageRequest.DefaultSize, errors);
        var cursor = Cursor(http, errors);
        return ValueTask.FromResult<Paging?>(new Paging(new PageRequest(page, size, cursor), errors));
    }

    /// <summary>Added once to the API group: endpoints without a <see cref="Paging"/> parameter are left as they are.</summary>
    public static EndpointFilterDelegate RefuseOutOfBounds(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var index = Array.FindIndex(context.MethodInfo.GetParameters(), p => p.ParameterType == typeof(Paging));
        if (index < 0) return next;
        return async invocation =>
            invocation.GetArgument<Paging>(index) is { Errors.Count: > 0 } paging
                ? TypedResults.ValidationProblem(paging.Errors, title: "One or more fields are invalid.")
                : await next(invocation);
    }

    /// <summary>
    /// Parameters bound by <see cref="BindAsync"/> are invisible to the OpenAPI document; this puts <c>page</c> and
    /// <c>pageSize</c> with their bounds on each list operation.
    /// </summary>
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var takesPaging = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>()
            .Any(method => method.GetParameters().Any(p => p.ParameterType == typeof(Paging)));
        if (!takesPaging) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(Parameter("page", 1, InputLimits.MaxPage, 1));
        operation.Parameters.Add(Parameter("pageSize", 1, InputLimits.MaxPageSize, PageRequest.DefaultSize));
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "cursor",
            In = ParameterLocation.Query,
            Description = "The nextCursor of the page before, where the list offers one: the next page at the cost of the first. Wins over page.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = InputLimits.MaxCursorLength },
        });
        return Task.CompletedTask;
    }

    private static OpenApiParameter Parameter(string name, int min, int max, int fallback) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = $"{min}…{max}; default {fallback}. Outside the bounds: 400 naming the field.",
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = min.ToString(CultureInfo.InvariantCulture),
            Maximum = max.ToString(CultureInfo.InvariantCulture),
        },
    };

    /// <summary><c>cursor</c>: a previous page's <c>nextCursor</c>, as it was given; anything else is an error naming the field.</summary>
    private static ListCursor? Cursor(HttpContext http, Dictionary<string, string[]> errors)
    {
        var values = http.Request.Query["cursor"];
        if (values.Count == 0) return null;
        if (values.Count == 1 && ListCursor.TryParse(values[0], out var cursor)) return cursor;
        errors["cursor"] = [Messages.Format("Paging.BadCursor")];
        return null;
    }

    /// <summary>A missing value takes the default; anything but one whole number within bounds is an error (never wrapped or clamped).</summary>
    private static int Value(HttpContext http, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        var values = http.Request.Query[name];
        if (values.Count == 0) return fallback;
        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
            return (int)number;
        errors[name] = [Messages.Format("OutOfRange", min, max)];
        return fallback;
    }
}
