import Fluent
import Foundation
import Prometheus
import Vapor

/// Request counts and latencies in the Prometheus text format. The registry belongs to the
/// application (not the process-wide MetricsSystem) so that several applications, as in the
/// tests, never share counters.
struct RequestMetricsMiddleware: AsyncMiddleware {
    let registry: PrometheusCollectorRegistry

    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        // The route pattern, not the path, keeps label cardinality bounded.
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(
            descriptor: .init(metricName: "pactum_http_requests", unitName: "total", helpText: "HTTP requests served"),
            labels: [("method", method), ("route", route), ("status", String(response.status.code))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(
                metricName: "pactum_http_request_duration", unitName: "seconds", helpText: "HTTP request latency"),
            labels: [("method", method), ("route", route)], buckets: Self.buckets
        ).record(ContinuousClock.now - start)
        return response
    }
}

struct OperatorRoutes: RouteCollection {
    let registry: PrometheusCollectorRegistry

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health") { _ in HealthStatus(status: "ok") }
        routes.get("ready") { req async throws -> HealthStatus in
            do {
                try await req.db.ping()
            } catch {
                req.logger.error("readiness: database unreachable: \(String(reflecting: error))")
                throw Problem(status: .serviceUnavailable, type: "not-ready", detail: "The database is not reachable.")
            }
            return HealthStatus(status: "ready")
        }
        routes.get("metrics") { _ in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
            return Response(status: .ok, headers: headers, body: .init(string: registry.emitToString()))
        }
    }
}

struct HealthStatus: Content { var status: String }
