using DhcpCluster.Logging.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Logging;

/// <summary>Adds Kea's <c>loggers</c> to a logging builder.</summary>
public static class KeaLoggingBuilderExtensions
{
    /// <summary>Adds a <see cref="KeaLoggerProvider"/> for <paramref name="loggers"/> and lets every level through to it (the provider filters).</summary>
    public static ILoggingBuilder AddKeaLoggers(this ILoggingBuilder builder, IReadOnlyList<KeaLoggerSpecification> loggers, KeaLoggingEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = new KeaLoggerProvider(loggers, environment);
        builder.Services.AddSingleton<ILoggerProvider>(provider);
        builder.SetMinimumLevel(LogLevel.Trace);
        return builder;
    }
}
