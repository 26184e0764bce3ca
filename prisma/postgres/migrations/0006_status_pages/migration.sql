-- CreateTable
CREATE TABLE "status_pages" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "project_id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "logo_url" TEXT NOT NULL DEFAULT '',
    "theme" TEXT NOT NULL DEFAULT 'system',
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "custom_domain" TEXT,
    "access" TEXT NOT NULL DEFAULT 'public',
    "password_hash" TEXT NOT NULL DEFAULT '',
    "auto_incidents" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_pages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_components" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "page_id" INTEGER NOT NULL,
    "check_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "group_name" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_components_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_incidents" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "page_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'incident',
    "name" TEXT NOT NULL,
    "impact" TEXT NOT NULL DEFAULT 'none',
    "auto" BOOLEAN NOT NULL DEFAULT false,
    "scheduled_for" TIMESTAMP(3),
    "scheduled_until" TIMESTAMP(3),
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "monitoring_at" TIMESTAMP(3),
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_incident_updates" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "affected" TEXT NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "display_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_incident_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_incident_components" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "component_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'major_outage',

    CONSTRAINT "status_incident_components_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_subscribers" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "page_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "confirmed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_subscribers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_events" (
    "id" SERIAL NOT NULL,
    "page_id" INTEGER NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "update_code" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fanned_out_at" TIMESTAMP(3),

    CONSTRAINT "status_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_deliveries" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT NOT NULL DEFAULT '',
    "given_up" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "status_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "status_pages_code_key" ON "status_pages"("code");

-- CreateIndex
CREATE UNIQUE INDEX "status_pages_slug_key" ON "status_pages"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "status_pages_custom_domain_key" ON "status_pages"("custom_domain");

-- CreateIndex
CREATE INDEX "status_pages_project_id_idx" ON "status_pages"("project_id");

-- CreateIndex
CREATE UNIQUE INDEX "status_components_code_key" ON "status_components"("code");

-- CreateIndex
CREATE INDEX "status_components_check_id_idx" ON "status_components"("check_id");

-- CreateIndex
CREATE UNIQUE INDEX "status_components_page_id_check_id_key" ON "status_components"("page_id", "check_id");

-- CreateIndex
CREATE UNIQUE INDEX "status_incidents_code_key" ON "status_incidents"("code");

-- CreateIndex
CREATE INDEX "status_incidents_page_id_created_at_idx" ON "status_incidents"("page_id", "created_at");

-- CreateIndex
CREATE INDEX "status_incidents_kind_scheduled_for_idx" ON "status_incidents"("kind", "scheduled_for");

-- CreateIndex
CREATE UNIQUE INDEX "status_incident_updates_code_key" ON "status_incident_updates"("code");

-- CreateIndex
CREATE INDEX "status_incident_updates_incident_id_created_at_idx" ON "status_incident_updates"("incident_id", "created_at");

-- CreateIndex
CREATE INDEX "status_incident_components_component_id_idx" ON "status_incident_components"("component_id");

-- CreateIndex
CREATE UNIQUE INDEX "status_incident_components_incident_id_component_id_key" ON "status_incident_components"("incident_id", "component_id");

-- CreateIndex
CREATE UNIQUE INDEX "status_subscribers_code_key" ON "status_subscribers"("code");

-- CreateIndex
CREATE UNIQUE INDEX "status_subscribers_page_id_kind_target_key" ON "status_subscribers"("page_id", "kind", "target");

-- CreateIndex
CREATE UNIQUE INDEX "status_events_key_key" ON "status_events"("key");

-- CreateIndex
CREATE INDEX "status_events_fanned_out_at_idx" ON "status_events"("fanned_out_at");

-- CreateIndex
CREATE INDEX "status_deliveries_delivered_at_next_attempt_at_idx" ON "status_deliveries"("delivered_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "status_deliveries_event_id_subscriber_id_key" ON "status_deliveries"("event_id", "subscriber_id");

-- AddForeignKey
ALTER TABLE "status_pages" ADD CONSTRAINT "status_pages_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_components" ADD CONSTRAINT "status_components_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_components" ADD CONSTRAINT "status_components_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_incidents" ADD CONSTRAINT "status_incidents_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_incident_updates" ADD CONSTRAINT "status_incident_updates_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "status_incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_incident_components" ADD CONSTRAINT "status_incident_components_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "status_incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_incident_components" ADD CONSTRAINT "status_incident_components_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "status_components"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_subscribers" ADD CONSTRAINT "status_subscribers_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "status_incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_deliveries" ADD CONSTRAINT "status_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "status_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_deliveries" ADD CONSTRAINT "status_deliveries_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "status_subscribers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
