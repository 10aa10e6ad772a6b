using KeySell.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KeySell.Application.Data;

/// <summary>Stores the method's enums as their stable kebab-case ids, readable in any SQL tool.</summary>
public sealed class MethodIdConverter<T>() : ValueConverter<T, string>(v => MethodIds.ToId(v), s => MethodIds.Parse<T>(s))
    where T : struct, Enum;
