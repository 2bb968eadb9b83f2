using OfficeBot.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddOfficeListening();
builder.AddOfficeStorage();
builder.AddOfficeApplication();
builder.AddOfficeBot();
builder.AddOfficeTelemetry();
builder.AddOfficeHealth();
builder.AddOfficeForwardedHeaders();

var app = builder.Build();

app.UseOfficeForwardedHeaders();
app.MapOfficeBot();
app.MapOfficeHealth();

app.Run();

/// <summary>Exposed for the in-process tests (WebApplicationFactory).</summary>
public partial class Program;
