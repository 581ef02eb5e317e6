package dev.facet.app.review;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /review} is the review page: static HTML and script that call the JSON API. */
@Configuration(proxyBeanMethods = false)
class ReviewPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/review").setViewName("forward:/review/index.html");
    registry.addViewController("/review/").setViewName("forward:/review/index.html");
  }
}
