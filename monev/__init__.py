"""Monev (monitoring dan evaluasi): page views, engagement, reports and their archive."""
